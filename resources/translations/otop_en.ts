<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>EntrepreneurDialog</name>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="21"/>
        <source>เพิ่มผู้ประกอบการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="21"/>
        <source>แก้ไขผู้ประกอบการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="25"/>
        <source>ยังดำเนินกิจการ (แสดงในรายชื่อเมื่อกด Sync)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="31"/>
        <source>ชื่อผู้ประกอบการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="32"/>
        <source>อำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="33"/>
        <source>ตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="34"/>
        <source>ประเภทผลิตภัณฑ์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="35"/>
        <source>ประเภทผู้ประกอบการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="36"/>
        <source>ผลิตภัณฑ์หลัก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="37"/>
        <source>รหัส OTOP (ถ้ามี)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="40"/>
        <source>บันทึก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="41"/>
        <source>ยกเลิก</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryTab</name>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="53"/>
        <source>Sync ข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="54"/>
        <source>ดึงรายชื่อผู้ประกอบการจากเดือนก่อนหน้า (ไม่ดึงยอดเงิน)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="55"/>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="273"/>
        <source>เพิ่มผู้ประกอบการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="56"/>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="289"/>
        <source>แก้ไขผู้ประกอบการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="57"/>
        <source>เลิกทำ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="59"/>
        <source>บันทึกข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="63"/>
        <source>ปีงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="65"/>
        <source>เดือน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="68"/>
        <source>อำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="70"/>
        <source>ตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="80"/>
        <source>การกดปุ่ม “บันทึกข้อมูล” ถือว่าเป็นการตรวจสอบและยืนยันข้อมูลของอำเภอแล้ว กรุณาตรวจสอบให้เรียบร้อยก่อนกดปุ่ม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="122"/>
        <source>ทุกอำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="130"/>
        <source>ทุกตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="181"/>
        <source>เดือนนี้ยังไม่มีรายชื่อผู้ประกอบการ กด “Sync ข้อมูล” เพื่อดึงรายชื่อจากเดือนก่อนหน้า</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="201"/>
        <source>ผู้ประกอบการ {count} ราย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="203"/>
        <source> · แก้ไขล่าสุดโดย {user} เมื่อ {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="219"/>
        <source>ยังไม่ได้บันทึก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="220"/>
        <source>มีข้อมูลที่แก้ไขแล้วแต่ยังไม่ได้บันทึก ต้องการบันทึกก่อนหรือไม่?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="233"/>
        <source>ไม่มีข้อมูลที่เปลี่ยนแปลง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="243"/>
        <source>บันทึกข้อมูลเรียบร้อย เมื่อ {when} ({rows} ราย)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="262"/>
        <source>รายชื่อผู้ประกอบการของเดือนนี้ครบแล้ว ({count} ราย) ไม่มีรายชื่อเพิ่ม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="264"/>
        <source>ดึงรายชื่อผู้ประกอบการจากเดือนก่อนหน้าแล้ว {added} ราย (ไม่ดึงยอดเงิน) กรอกยอดจำหน่ายแล้วกด “บันทึกข้อมูล”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="266"/>
        <source>เดือนก่อนหน้าไม่มีรายชื่อ จึงใส่ผู้ประกอบการที่ยังดำเนินกิจการทั้งหมด {added} ราย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="274"/>
        <source>การเพิ่มผู้ประกอบการรายใหม่ทำโดยเจ้าหน้าที่ระดับจังหวัด กรุณาแจ้งสำนักงานพัฒนาชุมชนจังหวัดพร้อมชื่อ ตำบล และประเภทผลิตภัณฑ์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="290"/>
        <source>การแก้ไขข้อมูลผู้ประกอบการทำโดยเจ้าหน้าที่ระดับจังหวัด กรุณาแจ้งสำนักงานพัฒนาชุมชนจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="293"/>
        <source>กรุณาเลือกแถวของผู้ประกอบการที่ต้องการแก้ไข</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="85"/>
        <source>ตั้งค่าครั้งแรก: สร้างผู้ดูแลระบบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="95"/>
        <source>ฐานข้อมูลนี้ยังไม่มีผู้ใช้งาน กรุณาสร้างผู้ดูแลระบบคนแรกของจังหวัด ผู้ดูแลระบบจะเพิ่มผู้ใช้งานระดับอำเภอและจังหวัดได้ภายหลัง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="99"/>
        <source>จังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="100"/>
        <source>ชื่อผู้ใช้งาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="101"/>
        <source>รหัสผ่าน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="102"/>
        <source>ยืนยันรหัสผ่าน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="103"/>
        <source>ชื่อ-สกุล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="104"/>
        <source>ตำแหน่ง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="109"/>
        <source>สร้างผู้ดูแลระบบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="114"/>
        <source>รหัสผ่านทั้งสองช่องไม่ตรงกัน</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="26"/>
        <source>ยกเลิก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="39"/>
        <source>เข้าสู่ระบบ - รายงานยอดจำหน่ายผลิตภัณฑ์ OTOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="44"/>
        <source>ชื่อผู้ใช้งาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="46"/>
        <source>รหัสผ่าน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="48"/>
        <source>&lt;h3&gt;ระบบรายงานยอดจำหน่ายผลิตภัณฑ์ OTOP&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="53"/>
        <source>เข้าสู่ระบบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="60"/>
        <source>กรุณากรอกชื่อผู้ใช้งาน !</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="61"/>
        <source>กรุณากรอกรหัสผ่าน !</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="21"/>
        <source>รายงานยอดจำหน่ายผลิตภัณฑ์ OTOP - {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="24"/>
        <source>บันทึกข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="25"/>
        <location filename="../../otop_desktop/ui/main_window.py" line="26"/>
        <source>ล็อกข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="26"/>
        <source>ยืนยัน (ล็อก) ข้อมูลรายเดือนของแต่ละอำเภอหรือทั้งจังหวัดภายในวันที่ ๕ ของเดือนถัดไป</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="27"/>
        <location filename="../../otop_desktop/ui/main_window.py" line="28"/>
        <source>ค่าเป้าหมาย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="28"/>
        <source>คำนวณและติดตามค่าเป้าหมายตัวชี้วัด ขั้นต้น ขั้นมาตรฐาน และขั้นสูง ของแต่ละรอบการประเมิน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="29"/>
        <location filename="../../otop_desktop/ui/main_window.py" line="30"/>
        <source>รายงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="30"/>
        <source>พิมพ์แบบรายงาน จต.๒ และส่งออกรายงานของกรมการพัฒนาชุมชน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="34"/>
        <source>ผู้ใช้: {who} ({username}, {role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="36"/>
        <source>พื้นที่: {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="37"/>
        <source>ฐานข้อมูล: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotReadyTab</name>
    <message>
        <location filename="../../otop_desktop/ui/not_ready.py" line="13"/>
        <source>&lt;h2&gt;{title}: ยังไม่พร้อมใช้งาน&lt;/h2&gt;&lt;p&gt;ส่วนนี้อยู่ระหว่างการพัฒนา จะใช้สำหรับ{purpose}&lt;/p&gt;&lt;p&gt;ขณะนี้ยังไม่มีปุ่มหรือข้อมูลใดในแท็บนี้ที่ใช้งานได้&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SalesTableModel</name>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="48"/>
        <source>ตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="48"/>
        <source>ชื่อผู้ประกอบการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="48"/>
        <source>ประเภทผลิตภัณฑ์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="49"/>
        <source>รวม (บาท)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="111"/>
        <source>ยอดรวมเดือนนี้ {total} บาท สูงกว่า 10 เท่าของยอดปกติ (ค่ามัธยฐาน 12 เดือนก่อน {usual} บาท) กรุณาตรวจสอบ หากถูกต้องบันทึกได้ตามปกติ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="165"/>
        <source>แก้ไขยอดจำหน่าย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="169"/>
        <source>ไม่รับค่าที่แถว {row} ช่อง “{column}”: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="179"/>
        <source>วางข้อมูลไม่ได้: ข้อมูลที่คัดลอกมามี {rows} แถว {columns} คอลัมน์ ซึ่งเกินช่องยอดจำหน่ายที่แก้ไขได้ กรุณาเลือกช่องเริ่มต้นในคอลัมน์ยอดจำหน่ายให้ถูกต้อง ไม่มีข้อมูลใดถูกเปลี่ยน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="188"/>
        <source> ไม่มีข้อมูลใดถูกวาง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="190"/>
        <source>วางข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="197"/>
        <source>ลบข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TotalsModel</name>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="246"/>
        <source>{count} ราย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="272"/>
        <source>รวม</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../otop_desktop/ui/errors.py" line="21"/>
        <source>เกิดข้อผิดพลาดที่ไม่คาดคิด ข้อมูลที่บันทึกแล้วไม่เสียหาย กรุณาแจ้งผู้ดูแลระบบพร้อมข้อความด้านล่าง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/errors.py" line="24"/>
        <source>ข้อผิดพลาด</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
