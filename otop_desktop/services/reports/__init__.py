"""Reports: the department's eight exports, the dashboard's figures and the roadmap board."""
