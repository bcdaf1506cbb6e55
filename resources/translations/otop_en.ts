<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BackupBanner</name>
    <message>
        <location filename="../../otop_desktop/ui/backup_dialog.py" line="38"/>
        <source>สำรองข้อมูลเดี๋ยวนี้…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/backup_dialog.py" line="40"/>
        <source>ภายหลัง</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="78"/>
        <source>ไม่มีรายชื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="79"/>
        <source> พ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="80"/>
        <source> ส</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="81"/>
        <source>ล็อก {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="81"/>
        <source>ยังไม่ล็อก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="85"/>
        <source>ยังไม่มี</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="87"/>
        <source>บันทึกล่าสุด: {when} (กำหนด {due})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="90"/>
        <source>พิมพ์ จต.๒: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="91"/>
        <source>ส่ง/นำเข้าไฟล์: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="92"/>
        <source>ล็อก: {when} (กำหนด {due})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="95"/>
        <source>กรอกข้อมูลไม่ทันสิ้นเดือน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="95"/>
        <source>เลยสิ้นเดือนแล้วยังกรอกไม่ครบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="97"/>
        <source>ล็อกหลังวันที่ 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="97"/>
        <source>เลยวันที่ 5 แล้วยังไม่ล็อก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="148"/>
        <source>อัตราการรายงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="148"/>
        <source>รายงานทันเวลา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="148"/>
        <source>ล็อกแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="158"/>
        <source>เดือนที่ต้องยืนยันถัดไป: {month} · {words}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../otop_desktop/ui/connection.py" line="33"/>
        <source>ฐานข้อมูล: ไฟล์ในเครื่องนี้ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/connection.py" line="35"/>
        <source>ฐานข้อมูล: เซิร์ฟเวอร์ของสำนักงาน %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/connection.py" line="44"/>
        <source>ฐานข้อมูลที่ใช้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/connection.py" line="45"/>
        <source>ไฟล์ข้อมูลในเครื่องนี้ (ใช้คนเดียว ส่งข้อมูลด้วยไฟล์)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/connection.py" line="46"/>
        <source>เซิร์ฟเวอร์ฐานข้อมูลของสำนักงาน (PostgreSQL: ใช้ร่วมกันหลายเครื่อง)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/connection.py" line="62"/>
        <source>เครื่องเซิร์ฟเวอร์ (ชื่อหรือ IP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/connection.py" line="63"/>
        <source>พอร์ต</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/connection.py" line="64"/>
        <source>ชื่อฐานข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/connection.py" line="65"/>
        <source>ชื่อผู้ใช้ฐานข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/connection.py" line="66"/>
        <source>รหัสผ่านของฐานข้อมูลไม่ถูกบันทึกในโปรแกรม: เก็บในไฟล์ .pgpass ของเครื่องนี้ หรือโปรแกรมจะถามทุกครั้งที่เปิด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/connection.py" line="79"/>
        <source>ใช้ฐานข้อมูลนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/connection.py" line="99"/>
        <source>รายละเอียด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/connection.py" line="127"/>
        <source>กรุณากรอกเครื่องเซิร์ฟเวอร์และชื่อฐานข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/connection.py" line="145"/>
        <source>กำลังติดต่อเซิร์ฟเวอร์ %1 (รอได้ถึง %2 วินาที)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/connection.py" line="166"/>
        <source> ยังไม่ได้เปลี่ยนฐานข้อมูลที่ใช้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/connection.py" line="179"/>
        <source>บันทึกการตั้งค่าไม่ได้: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/connection.py" line="196"/>
        <source>รหัสผ่านฐานข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/connection.py" line="197"/>
        <source>%1
รหัสผ่านของ %2 (ใช้ครั้งนี้เท่านั้น ไม่บันทึก):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="74"/>
        <source>ปรับปรุง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="138"/>
        <source> (เฉพาะเดือนที่จังหวัดยืนยันแล้ว)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="141"/>
        <source>&lt;b&gt;ยอดจำหน่ายปีงบประมาณ {year}&lt;/b&gt;{confirmed}&lt;br&gt;&lt;span style=&apos;font-size:16pt&apos;&gt;{total} บาท&lt;/span&gt;&lt;br&gt;{area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="148"/>
        <source>&lt;b&gt;ในประเทศ&lt;/b&gt; {domestic} บาท ({dshare})&lt;br&gt;&lt;b&gt;ต่างประเทศ&lt;/b&gt; {export} บาท ({eshare})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="158"/>
        <source>&lt;b&gt;ออฟไลน์&lt;/b&gt; {offline} บาท ({oshare})&lt;br&gt;&lt;b&gt;ออนไลน์&lt;/b&gt; {online} บาท ({nshare})&lt;br&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="168"/>
        <source>&lt;b&gt;เดือน{month}&lt;/b&gt;&lt;br&gt;กรอกครบ {complete} · กรอกบางส่วน {partial} · ยังไม่กรอก {none} จาก {areas} {unit}&lt;br&gt;ล็อก (ยืนยัน) แล้ว {locked} จาก {areas} {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="184"/>
        <source>&lt;br&gt;ได้รับ จต.๒ ที่ลงนามแล้ว ไตรมาส {quarter}: {on_file} จาก {districts} อำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="193"/>
        <source>เดือน{month} ยังไม่มีรายชื่อผู้ประกอบการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="196"/>
        <source>เดือน{month} ยังไม่มีรายชื่อของเดือน (ยังไม่ได้ Sync ข้อมูล) · ผู้ประกอบการที่ยังดำเนินกิจการ {expected:,} ราย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="198"/>
        <source>เดือน{month} กรอกยอดแล้ว {reported:,} จาก {expected:,} ราย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="202"/>
        <source> (อยู่ในรายชื่อของเดือนแล้ว {listed:,} ราย)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="213"/>
        <source>ยอดจำหน่ายราย{unit} (ล้านบาท)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="215"/>
        <source>{count} {unit}ที่ยอดจำหน่ายสูงสุด (ล้านบาท)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="230"/>
        <source>คลิกแท่งของอำเภอเพื่อเปิดข้อมูลเดือนที่เลือกในแท็บบันทึกข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="231"/>
        <source>ยอดจำหน่ายสะสม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="233"/>
        <source>ประมาณการสะสม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="235"/>
        <source>เป้าหมาย{name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="236"/>
        <source>ยอดจำหน่ายสะสมรายเดือน เทียบประมาณการและค่าเป้าหมาย (ล้านบาท)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="241"/>
        <source>แยกตามช่องทาง (ล้านบาท)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="247"/>
        <source>แยกตามประเภทผลิตภัณฑ์ (ล้านบาท)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="289"/>
        <source>บันทึกภาพ PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="309"/>
        <source>{unit}{name}: {total} บาท</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="310"/>
        <source> (พื้นที่ของท่าน)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="319"/>
        <source>บันทึกภาพแผนภูมิ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/dashboard_tab.py" line="319"/>
        <source>ภาพ PNG (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlineMarks</name>
    <message>
        <location filename="../../otop_desktop/ui/deadline_marks.py" line="42"/>
        <source>ยืนยันข้อมูลถึงเดือน%1แล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/deadline_marks.py" line="45"/>
        <source>เดือนที่รอจังหวัดยืนยัน: %1 · กำหนด %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/deadline_marks.py" line="54"/>
        <source>▶ ต้องยืนยันเดือน%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ElsewhereBar</name>
    <message>
        <location filename="../../otop_desktop/ui/elsewhere.py" line="30"/>
        <source>แสดงข้อมูลล่าสุด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/elsewhere.py" line="32"/>
        <source>ภายหลัง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/elsewhere.py" line="65"/>
        <source>ข้อมูลมีการเปลี่ยนแปลงจากเครื่องอื่นหรือหน้าต่างอื่น (เห็นเมื่อ {when}) หน้าจอนี้อาจยังแสดงข้อมูลเดิม</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntrepreneurDialog</name>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="37"/>
        <source>เพิ่มผู้ประกอบการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="37"/>
        <source>แก้ไขผู้ประกอบการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="41"/>
        <source>ยังดำเนินกิจการ (แสดงในรายชื่อเมื่อกด Sync)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="45"/>
        <source>ชื่อผู้ประกอบการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="46"/>
        <source>อำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="47"/>
        <source>ตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="48"/>
        <source>ประเภทผลิตภัณฑ์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="49"/>
        <source>ประเภทผู้ประกอบการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="50"/>
        <source>ผลิตภัณฑ์หลัก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="51"/>
        <source>รหัส OTOP (ถ้ามี)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entrepreneur_dialog.py" line="53"/>
        <source>บันทึก</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryTab</name>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="92"/>
        <source>Sync ข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="93"/>
        <source>ดึงรายชื่อผู้ประกอบการจากเดือนก่อนหน้า (ไม่ดึงยอดเงิน)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="94"/>
        <source>เพิ่มผู้ประกอบการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="95"/>
        <source>แก้ไขผู้ประกอบการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="96"/>
        <source>เลิกทำ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="98"/>
        <source>บันทึกข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="104"/>
        <source>อำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="106"/>
        <source>ตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="149"/>
        <source>การกดปุ่ม “บันทึกข้อมูล” ถือว่าเป็นการตรวจสอบและยืนยันข้อมูลของอำเภอแล้ว กรุณาตรวจสอบให้เรียบร้อยก่อนกดปุ่ม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="151"/>
        <source>การกดปุ่ม “บันทึกข้อมูล” ถือว่าได้ตรวจสอบและยืนยันข้อมูลที่แก้ไขแทนอำเภอแล้ว โดยบันทึกชื่อผู้แก้ไขไว้ในประวัติ กรุณาตรวจสอบให้เรียบร้อยก่อนกดปุ่ม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="157"/>
        <source>— เลือกอำเภอ —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="158"/>
        <source>ทุกอำเภอ (ทั้งประเทศ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="160"/>
        <source>ทุกอำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="185"/>
        <source>ทุกตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="277"/>
        <source>เลือกอำเภอเพื่อดูยอดจำหน่ายของเดือน (หรือ “ทุกอำเภอ” เพื่อดูทั้งประเทศ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="322"/>
        <source> (ดึงมาด้วย Sync ยังไม่ได้บันทึก {count} ราย)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="325"/>
        <source> · แก้ไขล่าสุดโดย {user} เมื่อ {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="349"/>
        <source>ยังไม่ได้บันทึก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="350"/>
        <source>มีข้อมูลที่แก้ไขแล้วแต่ยังไม่ได้บันทึก ต้องการบันทึกก่อนหรือไม่?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="365"/>
        <source>ไม่มีข้อมูลที่เปลี่ยนแปลง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="376"/>
        <source>ยังไม่ได้บันทึก: เดือนนี้ถูกล็อก (ยืนยันข้อมูล) แล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="381"/>
        <source>กำลังบันทึกข้อมูล {rows} ราย…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="397"/>
        <source>ยังไม่ได้บันทึก: กรุณาตรวจสอบยอดที่สูงผิดปกติ (ช่องรวมสีส้ม)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="413"/>
        <source>บันทึกข้อมูลเรียบร้อย เมื่อ {when} ({rows} ราย)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="444"/>
        <source>แถวสีฟ้าท้ายตาราง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="444"/>
        <source>แถวสีฟ้า</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="446"/>
        <source>ดึงรายชื่อผู้ประกอบการจากเดือนก่อนหน้า {added} ราย ({where} ไม่ดึงยอดเงิน) ยังไม่ได้บันทึก: กรอกยอดจำหน่ายแล้วกด “บันทึกข้อมูล”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="319"/>
        <source>ผู้ประกอบการในรายชื่อของเดือน {count} ราย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="440"/>
        <source>รายชื่อผู้ประกอบการของเดือนนี้ครบแล้ว ({count} ราย) ไม่มีรายชื่อเพิ่ม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="451"/>
        <source>เดือนก่อนหน้าไม่มีรายชื่อ จึงใส่ผู้ประกอบการที่ยังดำเนินกิจการทั้งหมด {added} ราย (แถวสีฟ้า) ยังไม่ได้บันทึก: กรอกยอดจำหน่ายแล้วกด “บันทึกข้อมูล”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/entry_tab.py" line="470"/>
        <source>กรุณาเลือกแถวของผู้ประกอบการที่ต้องการแก้ไข</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="69"/>
        <source>ทะเบียน จต.๒ ที่ลงนามแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="90"/>
        <source>ทุกอำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="93"/>
        <source>รับไฟล์สแกน…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="94"/>
        <source>รับทั้งโฟลเดอร์…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="98"/>
        <source>วันที่ของเดือนถัดจากสิ้นไตรมาส ที่อำเภอต้องส่งสำเนา จต.๒ ที่ลงนามแล้วถึงจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="99"/>
        <source>ตั้งกำหนดส่ง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="102"/>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="111"/>
        <source>ไฟล์ / หน้า</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="102"/>
        <source>ผล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="102"/>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="110"/>
        <source>รหัส</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="102"/>
        <source>แบบที่พิมพ์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="102"/>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="111"/>
        <source>ตัวเลข</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="103"/>
        <source>หมายเหตุ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="107"/>
        <source>รหัสและเลขหน้าที่พิมพ์ท้ายแบบ (มุมขวาล่าง) เช่น {example} 3/3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="144"/>
        <source>ลากไฟล์สแกน (PDF จากเครื่องสแกน หรือภาพ JPEG/PNG จากโทรศัพท์) หรือทั้งโฟลเดอร์มาวางที่หน้าต่างนี้ได้ · โปรแกรมอ่านรหัสจาก QR code ทุกหน้าแล้วจับคู่กับการพิมพ์ · หน้าที่อ่านรหัสไม่ได้ ให้เลือกแถวแล้วพิมพ์รหัสและเลขหน้าที่ท้ายแบบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="109"/>
        <source>ตรวจและบันทึกหน้านี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="110"/>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="128"/>
        <source>อำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="110"/>
        <source>งวด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="110"/>
        <source>พิมพ์โดย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="110"/>
        <source>รับเมื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="113"/>
        <source>เปิดไฟล์สแกน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="114"/>
        <source>ส่งออกทั้งปี…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="128"/>
        <source>ปีงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="163"/>
        <source>กำหนดส่ง: วันที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="163"/>
        <source>ของเดือนถัดจากสิ้นไตรมาส</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="172"/>
        <source>&lt;b&gt;สำเนาที่ลงนามแล้วในทะเบียน&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="200"/>
        <source>เลือกไฟล์สแกน จต.๒ ที่ลงนามแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="205"/>
        <source>เลือกโฟลเดอร์ของไฟล์สแกน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="229"/>
        <source>กำลังอ่าน QR code จากไฟล์สแกน…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="246"/>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="300"/>
        <source>ตรง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="300"/>
        <source>เปลี่ยนหลังพิมพ์ {n} รายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="320"/>
        <source>กรุณาเลือกแถวในทะเบียนก่อน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="329"/>
        <source>เลือกโฟลเดอร์ที่จะส่งออกไฟล์สแกน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_dialog.py" line="344"/>
        <source>กำลังส่งออกไฟล์สแกน…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <location filename="../../otop_desktop/ui/evidence_board.py" line="57"/>
        <source>รับ {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_board.py" line="61"/>
        <source>รับ {n}/3 เดือน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_board.py" line="63"/>
        <source>ยังไม่รับ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_board.py" line="64"/>
        <source>เลขเปลี่ยน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_board.py" line="67"/>
        <source>กำหนดส่ง จต.๒ ที่ลงนามแล้ว: {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_board.py" line="69"/>
        <source>ได้รับครบไตรมาส: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_board.py" line="72"/>
        <source>ได้รับแล้วเฉพาะเดือน {months}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_board.py" line="74"/>
        <source>ตัวเลขในฐานข้อมูลเปลี่ยนไปหลังพิมพ์ฉบับที่ลงนาม: ควรขอฉบับใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_board.py" line="110"/>
        <source>จต.๒</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_board.py" line="110"/>
        <source>ไตรมาส {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangeDialog</name>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="113"/>
        <source>แลกเปลี่ยนไฟล์ข้อมูล (ไม่ต้องใช้อินเทอร์เน็ต)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="120"/>
        <source>นำเข้าไฟล์{senders}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="121"/>
        <source>ประวัติการนำเข้า</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="126"/>
        <source>ส่งออก / ใบตอบรับ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="126"/>
        <source>ส่งออกไฟล์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="130"/>
        <source>กุญแจลงนาม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="143"/>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="358"/>
        <source>ไฟล์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="145"/>
        <source>ใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="146"/>
        <source>เปลี่ยน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="147"/>
        <source>เหมือนเดิม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="148"/>
        <source>เก่ากว่า</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="149"/>
        <source>ขัดแย้ง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="150"/>
        <source>ไม่รับ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="151"/>
        <source>สถานะ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="158"/>
        <source>ผู้ประกอบการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="159"/>
        <source>เดือน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="160"/>
        <source>ผล
(ติ๊ก = ใช้ค่าจากไฟล์)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="161"/>
        <source>ยอดเดิม (บาท)
ในประเทศ ออฟ/ออน · ตปท. ออฟ/ออน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="162"/>
        <source>ยอดในไฟล์ (บาท)
ลำดับเดียวกัน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="163"/>
        <source>เหตุผล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="169"/>
        <source>แถวที่ขัดแย้งของไฟล์ที่เลือก: ใช้ค่าจากไฟล์ทุกแถว (ไม่ติ๊ก = คงค่าของจังหวัดไว้; เลือกทีละแถวได้ในตารางด้านล่าง)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="171"/>
        <source>เพิ่มไฟล์…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="171"/>
        <source>ล้างรายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="172"/>
        <source>นำเข้าทั้งหมด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="210"/>
        <source>เลือกไฟล์ข้อมูลที่จะนำเข้า</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="228"/>
        <source>กำลังตรวจสอบ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="249"/>
        <source>ไม่รับ: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="257"/>
        <source>พร้อมนำเข้า (มีแถวที่ไม่รับ ดูด้านล่าง)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="257"/>
        <source>พร้อมนำเข้า</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="260"/>
        <source> · ผู้ประกอบการย้ายพื้นที่แล้ว {n} ราย (คงพื้นที่ใหม่ไว้)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="262"/>
        <source> · ลายนิ้วมือไฟล์ {digest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="264"/>
        <source>รหัสพื้นที่: {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="287"/>
        <source>ย้ายไปอำเภอ{name}แล้ว (คงพื้นที่ใหม่ไว้)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="307"/>
        <source>(ยังไม่มีข้อมูล)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="340"/>
        <source>กำลังนำเข้าไฟล์…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="349"/>
        <source>ยกเลิกระหว่างทาง: ไฟล์ที่เหลือยังไม่ได้นำเข้า (ไฟล์ที่นำเข้าแล้วสมบูรณ์ทุกไฟล์)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="350"/>
        <source>ผลการนำเข้า</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="350"/>
        <source>ไม่มีไฟล์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="358"/>
        <source>เมื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="144"/>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="358"/>
        <source>จาก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="358"/>
        <source>ผล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="358"/>
        <source>โดย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="358"/>
        <source>รายละเอียด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="360"/>
        <source>ยกเลิกการนำเข้าครั้งล่าสุด…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="362"/>
        <source>ยกเลิกการนำเข้ารายการที่เลือก…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="375"/>
        <source>เก็บไฟล์สำรองก่อนนำเข้าไว้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="377"/>
        <source>ไฟล์ล่าสุด (ไฟล์ที่เก่ากว่าจะถูกลบ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="431"/>
        <source>กรุณาเลือกรายการนำเข้าในตารางก่อน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="409"/>
        <source>รหัส/ชื่อผู้ใช้: {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="431"/>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="441"/>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="448"/>
        <source>ยกเลิกการนำเข้า</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="188"/>
        <source>ลากไฟล์ .otop มาวางที่หน้าต่างนี้ได้ · ตรวจลายมือชื่อ ลายนิ้วมือไฟล์ และพื้นที่ก่อน แสดงผลที่จะเกิดขึ้นโดยยังไม่เปลี่ยนข้อมูล · สำรองฐานข้อมูลก่อนนำเข้าทุกครั้ง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="417"/>
        <source>ไม่มีการนำเข้าที่ยกเลิกได้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="421"/>
        <source>เลือกรายการที่นำเข้าแล้ว (ยังไม่ยกเลิก) ในตารางก่อน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/exchange_dialog.py" line="451"/>
        <source>กำลังยกเลิกการนำเข้า…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <location filename="../../otop_desktop/ui/export_panel.py" line="49"/>
        <source>ทั้งพื้นที่ของท่าน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/export_panel.py" line="55"/>
        <source>อำเภอ{name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/export_panel.py" line="58"/>
        <source>บันทึกเป็น Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/export_panel.py" line="59"/>
        <source>บันทึกเป็น CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/export_panel.py" line="60"/>
        <source>เปิดโฟลเดอร์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/export_panel.py" line="64"/>
        <source>รายงานทั้ง 8 แบบตามรายการของกรมฯ ตัวเลขเป็นบาท ทศนิยม 2 ตำแหน่ง ยอดรวมคำนวณจากแถวในไฟล์ CSV ใช้รหัส UTF-8 ที่ Excel อ่านภาษาไทยได้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/export_panel.py" line="79"/>
        <source>รายงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/export_panel.py" line="83"/>
        <source>ช่วงเวลา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/export_panel.py" line="85"/>
        <source>พื้นที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/export_panel.py" line="90"/>
        <source>ปีงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/export_panel.py" line="104"/>
        <source>ทั้งปีงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/export_panel.py" line="122"/>
        <source>สมุดงาน Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/export_panel.py" line="122"/>
        <source>ไฟล์ CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/export_panel.py" line="123"/>
        <source>บันทึกรายงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/export_panel.py" line="128"/>
        <source>กำลังส่งออก…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/export_panel.py" line="134"/>
        <source> ใน {n} แผ่นงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/export_panel.py" line="136"/>
        <source>บันทึก {path} แล้ว: {rows:,} แถว{sheets}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/export_panel.py" line="146"/>
        <source>กำลังส่งออกรายงาน…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FigureHistoryDialog</name>
    <message>
        <location filename="../../otop_desktop/ui/history_dialog.py" line="39"/>
        <source>ประวัติของยอดนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/history_dialog.py" line="41"/>
        <source>กำลังอ่านประวัติ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/history_dialog.py" line="48"/>
        <source>เมื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/history_dialog.py" line="49"/>
        <source>ผู้ทำรายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/history_dialog.py" line="50"/>
        <source>รายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/history_dialog.py" line="51"/>
        <source>ยอดที่เปลี่ยน (เดิม → ใหม่, บาท)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/history_dialog.py" line="52"/>
        <source>ที่มา / หมายเหตุ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/history_dialog.py" line="53"/>
        <source>สถานะการล็อก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/history_dialog.py" line="67"/>
        <source>ปิด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/history_dialog.py" line="86"/>
        <source>ประวัติยอดของ {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/history_dialog.py" line="88"/>
        <source>ไม่อยู่ในรายการของเดือนนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/history_dialog.py" line="94"/>
        <source>ยอดปัจจุบัน: {now}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/history_dialog.py" line="105"/>
        <source>ยังไม่มีการเปลี่ยนแปลงของยอดนี้</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../otop_desktop/ui/sales_filter.py" line="256"/>
        <source>ค้นหาชื่อ รหัส OTOP หรือตำบล (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_filter.py" line="265"/>
        <source>ค้นหา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_filter.py" line="267"/>
        <source>ตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_filter.py" line="300"/>
        <source>ทุกตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_filter.py" line="312"/>
        <source>แสดง {shown} จาก {total} ราย</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="232"/>
        <source>ตั้งค่าครั้งแรก: สร้างผู้ดูแลระบบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="235"/>
        <source>— เลือกจังหวัดของสำนักงาน —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="238"/>
        <source>กรมการพัฒนาชุมชน (ฐานข้อมูลระดับกรมฯ รวมทุกจังหวัด)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="247"/>
        <source>ฐานข้อมูลนี้ยังไม่มีผู้ใช้งาน กรุณาเลือกสำนักงานและสร้างผู้ดูแลระบบคนแรก
ผู้ดูแลระบบจะเพิ่มผู้ใช้งานคนอื่นของสำนักงานได้ภายหลัง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="252"/>
        <source>สำนักงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="253"/>
        <source>ชื่อผู้ใช้งาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="254"/>
        <source>รหัสผ่าน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="255"/>
        <source>ยืนยันรหัสผ่าน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="256"/>
        <source>ชื่อ-สกุล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="257"/>
        <source>ตำแหน่ง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="260"/>
        <source>เครื่องใหม่แทนเครื่องเดิมที่เสีย? กู้คืนจากไฟล์สำรองของสำนักงานได้
ข้อมูลและผู้ใช้งานเดิมจะกลับมาทั้งหมด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="263"/>
        <source>กู้คืนจากไฟล์สำรอง…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="273"/>
        <source>สร้างผู้ดูแลระบบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="293"/>
        <source>กรุณาเลือกจังหวัดของสำนักงาน (เปลี่ยนภายหลังไม่ได้)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="296"/>
        <source>รหัสผ่านทั้งสองช่องไม่ตรงกัน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="305"/>
        <source>กำลังสร้างผู้ดูแลระบบ…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForecastDialog</name>
    <message>
        <location filename="../../otop_desktop/ui/forms_dialogs.py" line="38"/>
        <source>ประมาณการรายได้ ปีงบประมาณ {year}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/forms_dialogs.py" line="42"/>
        <source>เดือน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/forms_dialogs.py" line="43"/>
        <source>ในประเทศ
ออฟไลน์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/forms_dialogs.py" line="44"/>
        <source>ในประเทศ
ออนไลน์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/forms_dialogs.py" line="45"/>
        <source>ต่างประเทศ
ออฟไลน์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/forms_dialogs.py" line="46"/>
        <source>ต่างประเทศ
ออนไลน์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/forms_dialogs.py" line="47"/>
        <location filename="../../otop_desktop/ui/forms_dialogs.py" line="95"/>
        <source>รวมทั้งสิ้น</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/forms_dialogs.py" line="48"/>
        <source>ยอดจริง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/forms_dialogs.py" line="49"/>
        <source>หมายเหตุ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/forms_dialogs.py" line="60"/>
        <source>บันทึก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/forms_dialogs.py" line="62"/>
        <source>กรอกเป็นบาท · รวมทั้งสิ้นคำนวณให้ ไม่ต้องกรอก · ยอดจริงมาจากข้อมูลที่บันทึกแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="27"/>
        <location filename="../../otop_desktop/ui/keys_page.py" line="95"/>
        <source>ลายนิ้วมือกุญแจของสำนักงานนี้ (อ่านให้อีกสำนักงานทางโทรศัพท์): &lt;b&gt;{f}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="30"/>
        <source>พื้นที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="30"/>
        <source>ลายนิ้วมือ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="30"/>
        <source>ลงทะเบียนโดย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="30"/>
        <source>หมายเหตุ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="33"/>
        <source>บันทึกไฟล์กุญแจของสำนักงานนี้…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="34"/>
        <source>ลงทะเบียนจากไฟล์กุญแจ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="35"/>
        <source>ลงทะเบียนด้วยลายนิ้วมือ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="38"/>
        <source>ยกเลิกกุญแจที่เลือก…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="39"/>
        <source>สร้างกุญแจใหม่ของสำนักงานนี้…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="64"/>
        <location filename="../../otop_desktop/ui/keys_page.py" line="70"/>
        <source>ยกเลิกกุญแจ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="65"/>
        <source>กรุณาเลือกกุญแจของสำนักงานอื่นที่ยังใช้อยู่ในตารางก่อน (กุญแจของสำนักงานนี้เปลี่ยนได้ด้วยปุ่มสร้างกุญแจใหม่)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="71"/>
        <source>ยกเลิกกุญแจของ{area} ({f}) หรือไม่? ไฟล์ที่ลงนามด้วยกุญแจนี้จะไม่รับอีก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="83"/>
        <source>สร้างกุญแจใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="85"/>
        <source>สร้างกุญแจใหม่ของสำนักงานนี้และยกเลิกกุญแจเดิมหรือไม่? จากนั้นต้องส่งไฟล์กุญแจใหม่ให้อีกสำนักงานลงทะเบียน ไฟล์ที่ส่งออกหลังจากนี้จะลงนามด้วยกุญแจใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="106"/>
        <source>สำนักงานนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="109"/>
        <source>รอไฟล์แรกเพื่อยืนยันกุญแจ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="114"/>
        <source>รหัส/ชื่อผู้ใช้: {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="121"/>
        <location filename="../../otop_desktop/ui/keys_page.py" line="131"/>
        <location filename="../../otop_desktop/ui/keys_page.py" line="139"/>
        <source>ไฟล์กุญแจ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="121"/>
        <location filename="../../otop_desktop/ui/keys_page.py" line="139"/>
        <source>กุญแจ (*.key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="132"/>
        <source>บันทึกไฟล์กุญแจแล้ว: {path}
ส่งไฟล์นี้ให้อีกสำนักงานลงทะเบียน แล้วโทรแจ้งลายนิ้วมือ {f} เพื่อยืนยัน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="150"/>
        <source>กุญแจในไฟล์นี้เป็นของ{area}
ลายนิ้วมือ: {f}

ตรงกับลายนิ้วมือที่สำนักงานนั้นอ่านให้ฟังทางโทรศัพท์ทุกหลักหรือไม่? ถ้ายังไม่ได้โทรถาม กรุณาโทรถามก่อน: กุญแจที่ไม่ได้ยืนยันอาจมาจากไฟล์ปลอม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="163"/>
        <location filename="../../otop_desktop/ui/keys_page.py" line="168"/>
        <source>ลงทะเบียนด้วยลายนิ้วมือ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="163"/>
        <source>กุญแจของสำนักงาน:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="168"/>
        <source>ลายนิ้วมือ (อย่างน้อย 20 หลัก):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="148"/>
        <location filename="../../otop_desktop/ui/keys_page.py" line="180"/>
        <source>ลงทะเบียนกุญแจ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/keys_page.py" line="181"/>
        <source>ลงทะเบียนกุญแจของ{area} แล้ว ({f})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListQuestion</name>
    <message>
        <location filename="../../otop_desktop/ui/list_question.py" line="50"/>
        <source>ใช่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/list_question.py" line="51"/>
        <source>ไม่ใช่</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocksTab</name>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="67"/>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="353"/>
        <source>ล็อก (อำเภอ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="68"/>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="362"/>
        <source>ปลดล็อก (อำเภอ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="69"/>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="377"/>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="388"/>
        <source>ล็อก (ทั้งจังหวัด)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="70"/>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="406"/>
        <source>ปลดล็อก (ทั้งจังหวัด)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="73"/>
        <source>รหัส</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="74"/>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="390"/>
        <source>อำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="75"/>
        <source>สถานะ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="76"/>
        <source>ล็อก/ปลดล็อก
โดย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="77"/>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="89"/>
        <source>เมื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="78"/>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="89"/>
        <source>เหตุผล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="80"/>
        <source>บันทึกล่าสุด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="79"/>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="390"/>
        <source>การกรอกยอด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="89"/>
        <source>ผู้ใช้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="89"/>
        <source>การทำงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="89"/>
        <source>ระดับ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="154"/>
        <source>กำลังอ่านสถานะการล็อกข้อมูล…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="177"/>
        <source>ยังไม่บันทึกยอดจำหน่ายของเดือนนี้: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="184"/>
        <source> — ยืนยันทั้งจังหวัดแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="188"/>
        <source> · ยังกรอกไม่ครบ {count} อำเภอ (แถวสีแดง/ส้ม)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="190"/>
        <source> · ล็อกได้ตั้งแต่ {day} (วันสิ้นเดือน)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="216"/>
        <source>{when} โดย {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="220"/>
        <source>ยังไม่บันทึกข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="225"/>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="279"/>
        <source>ล็อกแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="225"/>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="279"/>
        <source>ยังไม่ล็อก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="238"/>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="314"/>
        <source>ชื่อผู้ใช้: {login}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="240"/>
        <source>บันทึกล่าสุด {when} โดย {name} (ชื่อผู้ใช้: {login})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="267"/>
        <source>สถานะการล็อกข้อมูลระดับอำเภอ: กรุณาเลือกอำเภอในตาราง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="281"/>
        <source>สถานะการล็อกข้อมูลระดับอำเภอ: อำเภอ{name} ({state})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="308"/>
        <source>ประวัติการล็อกของอำเภอ{name} เดือน{month}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="326"/>
        <source>กรุณาระบุเหตุผลในการปลดล็อก ยังไม่ได้ปลดล็อก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="380"/>
        <source>มี {count} อำเภอที่ยังกรอกยอดเดือน{month} ไม่ครบ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="384"/>
        <source>ถ้าล็อกตอนนี้ อำเภอเหล่านี้จะส่งข้อมูลเพิ่มไม่ได้จนกว่าจะปลดล็อก และรายชื่อนี้จะถูกบันทึกไว้กับการล็อก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="385"/>
        <source>อำเภอ{name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="401"/>
        <source>อำเภอที่ล็อกพร้อมกับทั้งจังหวัดจะแก้ไขได้อีกครั้ง ส่วน {kept} อำเภอที่ยืนยันไว้ก่อนจะยังล็อกอยู่ ซึ่งปลดล็อกทีละอำเภอได้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="407"/>
        <source>เหตุผลในการปลดล็อกข้อมูลเดือน{month} ทั้งจังหวัด
{after}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="404"/>
        <source>ทุกอำเภอจะแก้ไขได้อีกครั้ง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="342"/>
        <source>ยืนยันข้อมูลเดือน{month} ของอำเภอ{name}? หลังล็อกแล้วอำเภอจะแก้ไขข้อมูลเดือนนี้ไม่ได้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="112"/>
        <source>ข้อควรระวัง: ถ้าจังหวัดไม่ล็อก (ยืนยัน) ข้อมูลไว้ ข้อมูลจะไม่ถูกยืนยันและไม่ขึ้นในระบบรายงานของกรมฯ อำเภอที่ล็อกแล้วจะแก้ไขข้อมูลของเดือนนั้นไม่ได้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="347"/>
        <source>อำเภอ{name} ยังกรอกยอดไม่ครบ: {entry}

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="363"/>
        <source>เหตุผลในการปลดล็อกข้อมูลเดือน{month} ของอำเภอ{name}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/locks_tab.py" line="372"/>
        <source>ยืนยันข้อมูลเดือน{month} ทั้งจังหวัด? ทุกอำเภอจะแก้ไขข้อมูลเดือนนี้ไม่ได้ และข้อมูลจะนับเป็นรายงานต่อกรมฯ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="95"/>
        <source>ยกเลิก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="149"/>
        <source>เข้าสู่ระบบ - รายงานยอดจำหน่ายผลิตภัณฑ์ OTOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="154"/>
        <source>ชื่อผู้ใช้งาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="156"/>
        <source>รหัสผ่าน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="158"/>
        <source>&lt;h3&gt;ระบบรายงานยอดจำหน่ายผลิตภัณฑ์ OTOP&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="165"/>
        <source>เข้าสู่ระบบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="186"/>
        <source>กรุณากรอกชื่อผู้ใช้งาน !</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="187"/>
        <source>กรุณากรอกรหัสผ่าน !</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="204"/>
        <source>กำลังตรวจสอบรหัสผ่าน…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="103"/>
        <source>รายงานยอดจำหน่ายผลิตภัณฑ์ OTOP - {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="41"/>
        <source>หน้าหลัก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="38"/>
        <source>รายงานยอดจำหน่ายผลิตภัณฑ์ OTOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="42"/>
        <source>บันทึกข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="43"/>
        <source>ตรวจสอบข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="44"/>
        <source>ล็อกข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="45"/>
        <source>ค่าเป้าหมาย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="46"/>
        <source>รายงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="47"/>
        <source>ติดตามงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="119"/>
        <source>ไฟล์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="120"/>
        <source>แลกเปลี่ยนไฟล์ข้อมูล…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="124"/>
        <source>เปลี่ยนรหัสผ่านของฉัน…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="126"/>
        <source>ออกจากระบบ / เปลี่ยนผู้ใช้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="129"/>
        <source>ออกจากโปรแกรม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="67"/>
        <source>ผู้ดูแลระบบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="67"/>
        <source>ผู้ใช้งาน…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="72"/>
        <source>ผู้ใช้: {who} ({username}, {role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="104"/>
        <source>พื้นที่: {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="79"/>
        <source>ฐานข้อมูล: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="108"/>
        <source>สำรองข้อมูล…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/main_window.py" line="110"/>
        <source>กู้คืนจากไฟล์สำรอง…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <location filename="../../otop_desktop/ui/password_dialog.py" line="19"/>
        <source>เปลี่ยนรหัสผ่านของฉัน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/password_dialog.py" line="25"/>
        <source>ผู้ใช้งาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/password_dialog.py" line="26"/>
        <source>รหัสผ่านปัจจุบัน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/password_dialog.py" line="27"/>
        <source>รหัสผ่านใหม่ (อย่างน้อย {n} ตัวอักษร)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/password_dialog.py" line="28"/>
        <source>ยืนยันรหัสผ่านใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/password_dialog.py" line="32"/>
        <source>เปลี่ยนรหัสผ่าน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/password_dialog.py" line="37"/>
        <source>รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/password_dialog.py" line="42"/>
        <source>กำลังเปลี่ยนรหัสผ่าน…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/password_dialog.py" line="50"/>
        <source>เปลี่ยนรหัสผ่านแล้ว ครั้งต่อไปให้เข้าสู่ระบบด้วยรหัสผ่านใหม่</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../otop_desktop/ui/pdf_preview.py" line="64"/>
        <source>พอดีความกว้าง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/pdf_preview.py" line="65"/>
        <source>พอดีหน้า</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/pdf_preview.py" line="68"/>
        <source>ขนาดที่แสดง (Ctrl + / Ctrl -)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/pdf_preview.py" line="72"/>
        <source>ย่อ (Ctrl -)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/pdf_preview.py" line="73"/>
        <source>ขยาย (Ctrl +)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/pdf_preview.py" line="76"/>
        <source>ไปหน้าที่ (PgUp/PgDn ทีละหน้า, Ctrl+Home หน้าแรก, Ctrl+End หน้าสุดท้าย)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/pdf_preview.py" line="91"/>
        <source>หน้า</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../otop_desktop/ui/period_picker.py" line="35"/>
        <source>ปีงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/period_picker.py" line="37"/>
        <source>เดือน</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="354"/>
        <source>พิมพ์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="354"/>
        <source>เปิดเครื่องพิมพ์ไม่ได้</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QualityTab</name>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="45"/>
        <source>มีรายการจากการตรวจสอบข้อมูลที่ยังไม่ได้ตรวจ {count} รายการ (ดูแท็บ “ตรวจสอบข้อมูล”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="77"/>
        <source>แจ้งเมื่อยอดรวมของอำเภอเปลี่ยนจากเดือนเดียวกันปีก่อนเกินร้อยละนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="78"/>
        <source>แสดงรายการที่ตรวจแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="79"/>
        <source>ตรวจสอบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="80"/>
        <source>ตรวจแล้ว…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="81"/>
        <source>พิมพ์ PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="82"/>
        <source>ส่งออก xlsx/CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="87"/>
        <source>ประเภท</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="88"/>
        <source>อำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="89"/>
        <source>ตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="90"/>
        <source>ผู้ประกอบการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="91"/>
        <source>ช่องทาง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="92"/>
        <source>รายละเอียด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="93"/>
        <source>การตรวจ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="109"/>
        <source>ทั้งประเทศ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="109"/>
        <source>ทุกอำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="118"/>
        <source>ยอดอำเภอเปลี่ยนเกิน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="126"/>
        <source>ดับเบิลคลิกรายการเพื่อเปิดช่องนั้นในแท็บบันทึกข้อมูล · รายการที่ตรวจแล้ว (พร้อมหมายเหตุ) จะไม่แจ้งซ้ำจนกว่าตัวเลขจะเปลี่ยน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="146"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="147"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="163"/>
        <source>กำลังตรวจสอบข้อมูล…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="207"/>
        <source>{area}: ตรวจ {rows} ราย · {counts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="210"/>
        <source> — ไม่พบรายการที่ควรตรวจสอบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="215"/>
        <source>ยังไม่ตรวจ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="216"/>
        <source>ตรวจแล้ว: {note} ({who} {when})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="239"/>
        <source>กรุณาเลือกรายการที่ตรวจแล้วในตาราง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="243"/>
        <source>ตรวจแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="244"/>
        <source>หมายเหตุการตรวจ {count} รายการ (เช่น โทรสอบถามอำเภอแล้ว ยอดถูกต้อง):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="258"/>
        <source>บันทึกผลการตรวจสอบข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="266"/>
        <source>บันทึกไฟล์ {path} แล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/quality_tab.py" line="268"/>
        <source>กำลังบันทึกผลการตรวจสอบ…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="55"/>
        <source>แบบ จต.๒ รายงานยอดจำหน่ายประจำเดือน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="56"/>
        <source>แบบ จต.๑ แบบจัดเก็บข้อมูล (รายชื่อ ช่องว่างให้กรอก)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="59"/>
        <source>แบบประมาณการรายได้ของจังหวัด (ทั้งปีงบประมาณ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="65"/>
        <source>ประจำเดือน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="67"/>
        <source>ไตรมาสที่ {n} ({months})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="73"/>
        <source>ทุกอำเภอ (หนึ่งแบบต่ออำเภอ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="75"/>
        <source>เลขอารบิก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="76"/>
        <source>แสดงตัวอย่าง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="77"/>
        <source>บันทึก PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="78"/>
        <source>พิมพ์…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="79"/>
        <source>ประมาณการรายได้…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="81"/>
        <source>ผู้ลงนาม…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="219"/>
        <source>ยังไม่ได้จัดทำตัวอย่าง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="313"/>
        <source>ข้อมูลยังกรอกไม่ครบ:
{lines}

พิมพ์ทั้งที่ยังไม่ครบหรือไม่? แบบที่พิมพ์จะระบุจำนวนที่กรอกแล้วตามรายการข้างต้นไว้ข้างคำรับรอง ผู้ลงนามจะเห็นว่ายังไม่ครบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="337"/>
        <source>รหัสตรวจสอบเอกสาร {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="338"/>
        <source>รหัสตรวจสอบเอกสาร {codes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="342"/>
        <source> · ไม่มีแบบของ {n} อำเภอ (ยังไม่มีรายชื่อผู้ประกอบการของช่วงเวลานี้): {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="346"/>
        <source> · พิมพ์ทั้งที่ยังไม่ครบ: {lines}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="112"/>
        <source>แบบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="71"/>
        <source>อำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="142"/>
        <source>แบบพิมพ์ (จต.๒ จต.๑ ประมาณการ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="143"/>
        <source>ส่งออกข้อมูล (Excel/CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="177"/>
        <source>ตัวอย่างนี้เป็นของตัวเลือกก่อนหน้า ไม่ตรงกับที่เลือกอยู่ กด “แสดงตัวอย่าง” เพื่อดูแบบที่เลือก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="202"/>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="220"/>
        <source>กำลังจัดทำตัวอย่าง…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="237"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="237"/>
        <source>PDF (*.pdf);;Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="240"/>
        <source>บันทึกไฟล์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="251"/>
        <source>บันทึกแล้ว: {path} · {codes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="298"/>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="304"/>
        <source>กำลังจัดทำแบบ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="271"/>
        <source>ส่งไปที่เครื่องพิมพ์แล้ว {pages} หน้า · {codes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="209"/>
        <source>ตัวอย่าง {pages} หน้า (รหัสตรวจสอบเอกสารจะพิมพ์บนแบบเมื่อบันทึกหรือพิมพ์)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="309"/>
        <source>• {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="311"/>
        <source>และอีก {count} รายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="316"/>
        <source>ข้อมูลยังกรอกไม่ครบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/reports_tab.py" line="326"/>
        <source>จังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestorePreview</name>
    <message>
        <location filename="../../otop_desktop/ui/backup_dialog.py" line="96"/>
        <source>กู้คืนจากไฟล์สำรอง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/backup_dialog.py" line="98"/>
        <source>ไฟล์สำรองนี้ตรวจแล้วว่าสมบูรณ์ และเป็นข้อมูลของโปรแกรมนี้:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/backup_dialog.py" line="105"/>
        <source>ข้อมูลทั้งหมดในเครื่องนี้จะถูกแทนที่ด้วยข้อมูลในไฟล์นี้ ข้อมูลปัจจุบันจะเก็บไว้ในโฟลเดอร์ backups ก่อน เมื่อกู้คืนแล้ว ทุกคนต้องเข้าสู่ระบบใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/backup_dialog.py" line="113"/>
        <source>กู้คืน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/backup_dialog.py" line="114"/>
        <source>ยกเลิก</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoadmapTab</name>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="182"/>
        <source>ปรับปรุง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="194"/>
        <source>ทะเบียน จต.๒ ที่ลงนามแล้ว…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="198"/>
        <source>กำหนดตามแผน: กรอกข้อมูลภายในสิ้นเดือน · ล็อก (ยืนยัน) ภายในวันที่ 5 ของเดือนถัดไป · ช่องแสดง กรอกแล้ว/รายชื่อ (พ = พิมพ์ จต.๒ แล้ว, ส = ส่งหรือนำเข้าไฟล์แล้ว) และวันที่ล็อก&lt;br&gt;&lt;span style=&apos;background:{a}&apos;&gt;&amp;nbsp;ทันกำหนด&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:{b}&apos;&gt;&amp;nbsp;ทำแล้วแต่ช้า&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:{c}&apos;&gt;&amp;nbsp;เลยกำหนดยังไม่ทำ&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:{d}&apos;&gt;&amp;nbsp;ยังไม่ถึงกำหนด&amp;nbsp;&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="206"/>
        <source> · จต.๒ ไตรมาส: ได้รับสำเนา จต.๒ ที่ลงนามแล้วครบไตรมาส ภายในกำหนดของจังหวัด (เลขเปลี่ยน = ตัวเลขแก้หลังพิมพ์ ควรขอฉบับใหม่)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="281"/>
        <source> · ได้รับ จต.๒ ที่ลงนามแล้ว ไตรมาส {quarter}: {on_file} จาก {expected} อำเภอ (กำหนด {due})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="211"/>
        <source>ปีงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="254"/>
        <source>ปีงบประมาณนี้ยังไม่เริ่ม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/roadmap_tab.py" line="262"/>
        <source>{area} เดือน{month}: กรอกครบ {complete} จาก {expected} {unit} · ทันเวลา {on_time} · ล็อกแล้ว {locked} · เลยกำหนด {overdue} {unit}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SalesTableModel</name>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="57"/>
        <source>ตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="58"/>
        <source>ชื่อผู้ประกอบการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="59"/>
        <source>รหัส OTOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="60"/>
        <source>ประเภทผลิตภัณฑ์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="62"/>
        <source>รวม (บาท)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="110"/>
        <source>เลขที่ {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="115"/>
        <source>{name} ({code}, ต.{tambon})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="172"/>
        <source>ยอดช่องทางนี้ {amount} บาท สูงกว่า {factor} เท่าของยอดปกติของช่องทางนี้ (ค่ามัธยฐาน 12 เดือนก่อน {usual} บาท) อาจพิมพ์ตัวเลขเกินหนึ่งหลัก กรุณาตรวจสอบ หากถูกต้องบันทึกได้ตามปกติ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="193"/>
        <source>ยอดรวมเดือนนี้ {total} บาท สูงกว่า 10 เท่าของยอดปกติ (ค่ามัธยฐาน 12 เดือนก่อน {usual} บาท) กรุณาตรวจสอบ หากถูกต้องบันทึกได้ตามปกติ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="235"/>
        <source>ยังไม่มีรหัส OTOP: แสดงเลขที่ของผู้ประกอบการในโปรแกรมแทน ({number})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="237"/>
        <source>ดึงรายชื่อมาด้วย Sync ยังไม่ได้บันทึก: กด “บันทึกข้อมูล” เพื่อเพิ่มในรายชื่อของเดือนนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="275"/>
        <source>แก้ไขยอดจำหน่าย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="279"/>
        <source>ไม่รับค่าของ {who} ช่อง “{column}”: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="294"/>
        <source>วางข้อมูลไม่ได้: ข้อมูลที่คัดลอกมามี {rows} แถว {columns} คอลัมน์ ซึ่งเกินช่องยอดจำหน่ายที่แก้ไขได้ (หรือมีแถวของอำเภอที่ล็อกแล้ว) กรุณาเลือกช่องเริ่มต้นในคอลัมน์ยอดจำหน่ายให้ถูกต้อง ไม่มีข้อมูลใดถูกเปลี่ยน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="307"/>
        <source> ไม่มีข้อมูลใดถูกวาง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="310"/>
        <source>วางข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="317"/>
        <source>ลบข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="351"/>
        <source>คงยอดที่แก้ไขไว้</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SalesTableView</name>
    <message>
        <location filename="../../otop_desktop/ui/sales_view.py" line="71"/>
        <source>รวม</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveRefusals</name>
    <message>
        <location filename="../../otop_desktop/ui/save_refusals.py" line="48"/>
        <source>ยังไม่ได้บันทึก: มีผู้บันทึกข้อมูลเดือนนี้ไปก่อนแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/save_refusals.py" line="42"/>
        <source>โหลดข้อมูลล่าสุดตอนนี้หรือไม่? ยอดที่ท่านแก้ไขไว้จะยังอยู่ให้ตรวจแล้วบันทึก ยกเว้นรายที่มีผู้บันทึกตัวเลขไปก่อน ซึ่งจะแสดงยอดล่าสุดแทนยอดที่ท่านพิมพ์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/save_refusals.py" line="65"/>
        <source>โหลดข้อมูลล่าสุดแล้ว ยอดที่ท่านแก้ไขไว้ของ {rows} รายยังอยู่ (ยังไม่ได้บันทึก) กรุณาตรวจสอบแล้วกด “บันทึกข้อมูล”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/save_refusals.py" line="68"/>
        <source> · {count} รายมีผู้บันทึกตัวเลขไปก่อน จึงแสดงยอดล่าสุดแทน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/save_refusals.py" line="70"/>
        <source>โหลดข้อมูลล่าสุดแล้ว กรุณาแก้ไขอีกครั้งแล้วกดบันทึก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/save_refusals.py" line="84"/>
        <source>{channel} ท่านพิมพ์ {mine} · บันทึกไว้ {now}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/save_refusals.py" line="97"/>
        <source>ยอดที่มีผู้บันทึกไปก่อน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/save_refusals.py" line="98"/>
        <source>รายต่อไปนี้แสดงยอดที่บันทึกไว้แล้วแทนยอดที่ท่านพิมพ์ หากยอดของท่านถูกต้อง กรุณาพิมพ์ใหม่แล้วบันทึก:
{lines}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/save_refusals.py" line="107"/>
        <source>โหลดข้อมูลล่าสุดตอนนี้หรือไม่? (ตัวเลขที่ท่านแก้ไขและยังไม่ได้บันทึกจะหายไป หากต้องการเก็บไว้ ให้กด “ไม่ใช่” แล้วจดไว้ก่อน)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/save_refusals.py" line="94"/>
        <location filename="../../otop_desktop/ui/save_refusals.py" line="123"/>
        <source>และอีก {count} ราย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/save_refusals.py" line="126"/>
        <source>ยอดจำหน่ายสูงผิดปกติ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/save_refusals.py" line="127"/>
        <source>{rule}:
{lines}

ยอดเหล่านี้ถูกต้องหรือไม่? ถ้ายืนยัน โปรแกรมจะบันทึกและจดการยืนยันนี้ไว้ในประวัติการแก้ไข</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="53"/>
        <source>ส่งออกไฟล์ .otop ของ{area}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="57"/>
        <location filename="../../otop_desktop/ui/send_page.py" line="83"/>
        <source>ปีงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="67"/>
        <source>ออกใบตอบรับให้อำเภอ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="70"/>
        <source>ใบตอบรับ (ผลการนำเข้าล่าสุดและสถานะการล็อก) สำหรับ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="76"/>
        <source>นำเข้าใบตอบรับจากจังหวัด…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="81"/>
        <source>เมื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="82"/>
        <source>ไฟล์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="84"/>
        <location filename="../../otop_desktop/ui/send_page.py" line="104"/>
        <source>เดือน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="85"/>
        <source>รายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="86"/>
        <source>โดย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="87"/>
        <source>ลายนิ้วมือไฟล์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="93"/>
        <source>ไฟล์ที่ส่งออกแล้ว (ลายนิ้วมือไฟล์ใช้เทียบกับไฟล์ที่ปลายทางได้รับ ไม่ใช่รหัสตรวจสอบเอกสารบนแบบพิมพ์)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="104"/>
        <source>รับเมื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="104"/>
        <source>ข้อความในใบตอบรับ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="106"/>
        <source>ใบตอบรับที่ได้รับจากจังหวัด (ผลการนำเข้าไฟล์ที่ส่งไป สถานะการล็อก และยอดที่ตรงกันหรือไม่)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="150"/>
        <source>รหัส/ชื่อผู้ใช้: {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="161"/>
        <location filename="../../otop_desktop/ui/send_page.py" line="170"/>
        <source>ส่งออกไฟล์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="182"/>
        <source>กำลังส่งออกไฟล์…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="104"/>
        <location filename="../../otop_desktop/ui/send_page.py" line="190"/>
        <location filename="../../otop_desktop/ui/send_page.py" line="204"/>
        <location filename="../../otop_desktop/ui/send_page.py" line="220"/>
        <source>ใบตอบรับ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="171"/>
        <source>บันทึกไฟล์แล้ว: {path}
{words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="204"/>
        <source>บันทึกใบตอบรับแล้ว: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/send_page.py" line="209"/>
        <source>เลือกใบตอบรับ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="70"/>
        <source>หลักเกณฑ์ค่าเป้าหมาย ปีงบประมาณ {year}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="78"/>
        <source>ปีฐาน (พ.ศ.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="79"/>
        <source>ตัวปรับลดยอดจำหน่าย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="81"/>
        <source>{tier} เพิ่มขึ้นร้อยละ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="85"/>
        <source>บันทึก</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignatoriesDialog</name>
    <message>
        <location filename="../../otop_desktop/ui/forms_dialogs.py" line="152"/>
        <source>ผู้ลงนามบนแบบพิมพ์: {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/forms_dialogs.py" line="162"/>
        <source>ชื่อ-สกุล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/forms_dialogs.py" line="163"/>
        <source>ตำแหน่ง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/forms_dialogs.py" line="168"/>
        <source>เว้นชื่อว่างไว้ แบบพิมพ์จะเป็นเส้นประให้เขียนเอง
ยกเว้นผู้จัดทำ: เจ้าหน้าที่อำเภอพิมพ์แบบของอำเภอตนเอง แบบจะใส่ชื่อและตำแหน่งของผู้พิมพ์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/forms_dialogs.py" line="176"/>
        <source>บันทึก</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TargetImportDialog</name>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="48"/>
        <source>นำเข้าตารางค่าเป้าหมาย: {file} (ปีงบประมาณ {year} รอบที่ {round})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="58"/>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="70"/>
        <source>แถว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="59"/>
        <source>อำเภอตามที่พิมพ์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="60"/>
        <source>อำเภอในระบบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="61"/>
        <source>ความคล้าย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="62"/>
        <source>ยืนยันการจับคู่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="63"/>
        <source>ใช้ค่า</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="71"/>
        <source>อำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="72"/>
        <source>คอลัมน์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="73"/>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="127"/>
        <source>ค่าที่พิมพ์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="74"/>
        <source>ตามหลักเกณฑ์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="75"/>
        <source>ต่าง (บาท)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="76"/>
        <source>ต่าง (ร้อยละ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="86"/>
        <source>ใช้ค่าที่พิมพ์ทุกแถว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="86"/>
        <source>ใช้ค่าคำนวณทุกแถว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="90"/>
        <source>บันทึกตามที่เลือก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="91"/>
        <source>ยกเลิก (ไม่บันทึก)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="100"/>
        <source>การจับคู่อำเภอ (แถวที่ไม่แน่ใจต้องยืนยันก่อนบันทึก)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="121"/>
        <source>ถูกต้อง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="126"/>
        <source>ค่าคำนวณตามหลักเกณฑ์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="149"/>
        <source>กำลังตรวจสอบกับหลักเกณฑ์…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="162"/>
        <source>ข้อสังเกต: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="163"/>
        <source>ปัดเศษสตางค์: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="181"/>
        <source>ช่องที่ไม่ตรงหลักเกณฑ์ {cells} ช่อง ใน {rows} อำเภอ (รวมแถว “รวม”) ปัดเศษต่างไม่ถึง 1 บาทไม่นับ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="185"/>
        <source>ทุกช่องตรงตามหลักเกณฑ์ (ปัดเศษต่างไม่ถึง 1 บาทไม่นับ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="207"/>
        <source>กรุณายืนยันการจับคู่อำเภอทุกแถวก่อน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/target_import_dialog.py" line="213"/>
        <source>กำลังบันทึกค่าเป้าหมาย…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="117"/>
        <source>รอบที่ 1 (ตุลาคม - มีนาคม)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="118"/>
        <source>รอบที่ 2 (ทั้งปีงบประมาณ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="121"/>
        <source>ตั้งค่าหลักเกณฑ์…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="122"/>
        <source>คำนวณยอดปีฐานจากข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="123"/>
        <source>นำเข้าตาราง…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="124"/>
        <source>ส่งออก Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="140"/>
        <source>แสดงยอดปีฐานและยอดปรับลด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="143"/>
        <source>สีของแถว: แดง = ยังไม่ถึงขั้นต้น · เหลือง = ขั้นต้น · เขียวอ่อน = ขั้นมาตรฐาน · เขียว = ขั้นสูง · ระหว่างรอบ เทียบยอดจริงของเดือนที่พ้นกำหนดยืนยัน (วันที่ 5 ของเดือนถัดไป) แล้วกับค่าเป้าหมายตามสัดส่วนของเดือน (เช่น 2/6 เดือน: ต.ค. พ.ย.) · ค่าเป้าหมายปัดเป็นบาท (ปัดครึ่งขึ้น) ทุกขั้นตอน ส่วนยอดจริงและยอดที่ขาดแสดงถึงสตางค์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="151"/>
        <source> · ดับเบิลคลิกแถวเพื่อกรอกยอดปีฐานเอง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="156"/>
        <source>ปีงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="156"/>
        <source>รอบการประเมิน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="196"/>
        <source>กำลังคำนวณค่าเป้าหมาย…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="211"/>
        <source>ค่าที่พิมพ์ในตารางที่นำเข้า (เลือกเก็บไว้)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="213"/>
        <source>ยอดปีฐานคำนวณจากข้อมูลไว้ {then} บาท แต่ข้อมูลตอนนี้รวม {now} บาท</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="227"/>
        <source> (ค่าเริ่มต้นตามหนังสือ ยังไม่ได้บันทึก)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="230"/>
        <source>หลักเกณฑ์ปี {year}: ปีฐาน {base} · ตัวปรับลด {factor} · ขั้นต้น +{p1}% · ขั้นมาตรฐาน +{p2}% · ขั้นสูง +{p3}%{state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="246"/>
        <source>ยอดปีฐานที่คำนวณจากข้อมูลของ {count} อำเภอ ({names}) ไม่ตรงกับยอดจำหน่ายปี {year} ในโปรแกรมตอนนี้ (มีการนำเข้าหรือแก้ไขภายหลัง) ค่าเป้าหมายจึงยังใช้ยอดเดิม{action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="253"/>
        <source> กด “คำนวณยอดปีฐานจากข้อมูล” เพื่อคำนวณใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="260"/>
        <source>ยังไม่มียอดจำหน่ายปีฐานของปีนี้: กด “คำนวณยอดปีฐานจากข้อมูล” หรือ “นำเข้าตาราง…” จากไฟล์ตารางค่าเป้าหมาย (.csv หรือ .xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="267"/>
        <source>ยังไม่มีค่าเป้าหมายของปีนี้: สำนักงานพัฒนาชุมชนจังหวัดเป็นผู้กำหนดยอดปีฐาน ระหว่างนี้ตารางแสดงยอดจำหน่ายจริงของอำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="307"/>
        <source>ยอดปีฐานของ {count} อำเภอกรอกเองไว้ ({names}) การคำนวณจะแทนที่ด้วยยอดจำหน่ายปี {base} จากข้อมูลในโปรแกรม ต้องการคำนวณต่อหรือไม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="296"/>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="305"/>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="317"/>
        <source>คำนวณยอดปีฐาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="298"/>
        <source>มีค่าเป้าหมายที่นำเข้าจากตารางที่พิมพ์ไว้ {kept} อำเภอ การคำนวณยอดปีฐาน {base} จากข้อมูลในโปรแกรมจะแทนที่ค่าเหล่านั้นด้วยค่าที่คำนวณตามหลักเกณฑ์ ต้องการคำนวณต่อหรือไม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="318"/>
        <source>คำนวณยอดจำหน่ายปีฐาน {base} จากข้อมูลในโปรแกรมแล้ว {count} อำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="329"/>
        <source>กำลังคำนวณยอดปีฐาน…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="341"/>
        <source>ยอดจำหน่ายปีฐาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="342"/>
        <source>ยอดจำหน่ายปีฐาน {year} ของอำเภอ{name} (บาท):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="362"/>
        <source>เลือกไฟล์ตารางค่าเป้าหมาย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="362"/>
        <source>ตาราง (*.csv *.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="369"/>
        <source>กำลังอ่านตาราง…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="383"/>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="394"/>
        <source>ส่งออก Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="383"/>
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="392"/>
        <source>กำลังบันทึกไฟล์ Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/targets_tab.py" line="394"/>
        <source>บันทึกไฟล์แล้ว: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TotalsModel</name>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="387"/>
        <source>{shown} จาก {total} ราย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="389"/>
        <source>{count} ราย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/sales_model.py" line="415"/>
        <source>รวม</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../otop_desktop/ui/idle_lock.py" line="80"/>
        <source>ล็อกหน้าจอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/idle_lock.py" line="84"/>
        <source>ไม่มีการใช้งานเกิน {n} นาที หน้าจอจึงล็อกไว้
กรุณาใส่รหัสผ่านของ {who} เพื่อใช้งานต่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/idle_lock.py" line="88"/>
        <source>
ข้อมูลที่พิมพ์ไว้และยังไม่ได้บันทึกยังอยู่ครบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/idle_lock.py" line="92"/>
        <source>ใช้งานต่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/idle_lock.py" line="98"/>
        <source>ออกจากระบบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/idle_lock.py" line="114"/>
        <source>กำลังตรวจรหัสผ่าน…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="35"/>
        <source>ผู้ใช้งาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="38"/>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="84"/>
        <source>ชื่อผู้ใช้งาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="39"/>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="82"/>
        <source>บทบาท</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="40"/>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="83"/>
        <source>พื้นที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="41"/>
        <source>ชื่อ-สกุล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="42"/>
        <source>ตำแหน่ง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="43"/>
        <source>สถานะ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="49"/>
        <source>ตั้งรหัสผ่านใหม่ให้ผู้ใช้ที่เลือก…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="51"/>
        <source>ปิดบัญชีผู้ใช้ที่เลือก…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="53"/>
        <source>เปิดบัญชีที่ปิดไว้อีกครั้ง…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="68"/>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="78"/>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="159"/>
        <source>เพิ่มผู้ใช้งาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="85"/>
        <source>รหัสผ่าน (อย่างน้อย {n} ตัวอักษร)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="86"/>
        <source>ยืนยันรหัสผ่าน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="87"/>
        <source>ชื่อ-สกุล (ช่องลงนาม)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="88"/>
        <source>ตำแหน่ง (ช่องลงนาม)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="107"/>
        <source>ปิดบัญชีแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="117"/>
        <source>ใช้งาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="136"/>
        <source>รหัสผ่านทั้งสองช่องไม่ตรงกัน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="141"/>
        <source>กำลังเพิ่มผู้ใช้งาน…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="160"/>
        <source>เพิ่มผู้ใช้งาน {name} ({role}) แล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="172"/>
        <source>ปิดบัญชีผู้ใช้งาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="175"/>
        <source>ปิดบัญชี {name}? ผู้ใช้นี้จะเข้าสู่ระบบไม่ได้อีก ชื่อยังคงอยู่ในประวัติการแก้ไข</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="181"/>
        <source>ปิดบัญชี {name} แล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="185"/>
        <source>เปิดบัญชีผู้ใช้งานอีกครั้ง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="190"/>
        <source>เปิดบัญชี {name} อีกครั้ง? ผู้ใช้นี้จะเข้าสู่ระบบได้ด้วยรหัสผ่านเดิม (หากจำไม่ได้ ให้ตั้งรหัสผ่านใหม่หลังเปิดบัญชี)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="198"/>
        <source>เปิดบัญชี {name} อีกครั้งแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="202"/>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="207"/>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="214"/>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="219"/>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="224"/>
        <source>ตั้งรหัสผ่านใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="166"/>
        <source>กรุณาเลือกผู้ใช้งานในตารางก่อน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="208"/>
        <source>รหัสผ่านใหม่ของ {name}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="214"/>
        <source>พิมพ์รหัสผ่านใหม่อีกครั้ง:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="219"/>
        <source>รหัสผ่านทั้งสองครั้งไม่ตรงกัน ยังไม่ได้เปลี่ยนรหัสผ่าน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="221"/>
        <source>กำลังตั้งรหัสผ่าน…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/users_dialog.py" line="224"/>
        <source>ตั้งรหัสผ่านใหม่ให้ {name} แล้ว</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyBox</name>
    <message>
        <location filename="../../otop_desktop/ui/verify_box.py" line="22"/>
        <source>รหัสตรวจสอบเอกสารที่ท้ายแบบที่พิมพ์ เช่น ABCD-EFGH-JKLM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/verify_box.py" line="23"/>
        <source>ตรวจสอบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/verify_box.py" line="29"/>
        <source>ตรวจสอบแบบที่พิมพ์แล้ว (รหัสตรวจสอบเอกสาร):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/verify_box.py" line="52"/>
        <source>ไม่พบรหัสตรวจสอบเอกสาร {code} ในฐานข้อมูลนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/verify_box.py" line="59"/>
        <source>ชื่อผู้ใช้ที่พิมพ์: {logins}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/verify_box.py" line="71"/>
        <source>แบบ {form} {area} {period} พิมพ์โดย {user} เมื่อ {at}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/verify_box.py" line="82"/>
        <source>รหัสแบบเดิมนี้ระบุชุดตัวเลข ไม่ระบุครั้งที่พิมพ์: ดูเวลาพิมพ์ที่ท้ายกระดาษเทียบกับรายการด้านล่าง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/verify_box.py" line="84"/>
        <source>บนแบบระบุว่า{text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/verify_box.py" line="86"/>
        <source>ตรงกับข้อมูลในฐานข้อมูลทุกรายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/verify_box.py" line="89"/>
        <source>ข้อมูลเปลี่ยนไปหลังพิมพ์ {n} รายการ (ยอด {order}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/verify_box.py" line="95"/>
        <source>ตัวเลขชุดเดียวกันนี้พิมพ์อีก {n} ครั้ง:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/verify_box.py" line="97"/>
        <source>{code} พิมพ์โดย {user} เมื่อ {at}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZoneView</name>
    <message>
        <location filename="../../otop_desktop/ui/zone_view.py" line="26"/>
        <source>ทุกภาค</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/zone_view.py" line="29"/>
        <source>เลือกภาคเพื่อดูยอดจำหน่ายรายจังหวัดในภาคนั้น</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/zone_view.py" line="30"/>
        <location filename="../../otop_desktop/ui/zone_view.py" line="63"/>
        <source>ภาค</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/zone_view.py" line="30"/>
        <source>ยอดจำหน่าย (บาท)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/zone_view.py" line="30"/>
        <source>สัดส่วน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/zone_view.py" line="41"/>
        <source>ยอดจำหน่ายแยกตามภาค</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/zone_view.py" line="62"/>
        <source>ยอดจำหน่ายรายภาค (ล้านบาท) · คลิกแท่งเพื่อดูรายจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/zone_view.py" line="66"/>
        <source>{region}: ยอดจำหน่ายรายจังหวัด (ล้านบาท)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/zone_view.py" line="68"/>
        <source>{region}: {count} จังหวัดยอดสูงสุด (ล้านบาท)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/zone_view.py" line="71"/>
        <source>จังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/zone_view.py" line="94"/>
        <source>รวม</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ChoosesDatabase</name>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="113"/>
        <source>ฐานข้อมูล…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/login.py" line="117"/>
        <source>กำหนดด้วย --database-url หรือ OTOP_DATABASE_URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../otop_desktop/ui/app.py" line="195"/>
        <source>ยังไม่ได้เปิดฐานข้อมูลใด และเครื่องนี้ยังไม่มีไฟล์ข้อมูล กรุณาเลือกฐานข้อมูลที่ปุ่ม ฐานข้อมูล… หรือกดยกเลิกเพื่อปิดโปรแกรม</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../otop_desktop/ui/common.py" line="45"/>
        <source>ยกเลิก</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../otop_desktop/ui/errors.py" line="53"/>
        <source>เกิดข้อผิดพลาดที่ไม่คาดคิด ข้อมูลที่บันทึกแล้วไม่เสียหาย กรุณาแจ้งผู้ดูแลระบบพร้อมข้อความด้านล่าง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/errors.py" line="56"/>
        <source>ข้อผิดพลาด</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>model</name>
    <message>
        <location filename="../../otop_desktop/ui/evidence_board.py" line="125"/>
        <source>ไตรมาส 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_board.py" line="125"/>
        <source>ยังไม่รับ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/evidence_board.py" line="125"/>
        <source>เลขเปลี่ยน</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owner</name>
    <message>
        <location filename="../../otop_desktop/ui/operations.py" line="140"/>
        <source>ยกเลิก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/backup_dialog.py" line="145"/>
        <source>เลือกไฟล์สำรอง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/backup_dialog.py" line="146"/>
        <source>ไฟล์สำรองข้อมูล (*{suffix} *.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/backup_dialog.py" line="155"/>
        <source>กำลังกู้คืนข้อมูล…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/backup_dialog.py" line="159"/>
        <source>กำลังตรวจไฟล์สำรอง…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <location filename="../../otop_desktop/ui/history_dialog.py" line="119"/>
        <source>ประวัติของยอดนี้</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../otop_desktop/ui/backup_dialog.py" line="71"/>
        <source>เลือกโฟลเดอร์ที่จะเก็บไฟล์สำรอง (เช่น แฟลชไดรฟ์)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/backup_dialog.py" line="80"/>
        <source>สำรองข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/backup_dialog.py" line="81"/>
        <source>สำรองข้อมูลแล้ว ตรวจความสมบูรณ์ของสำเนาแล้ว:
{path}
({size} ไบต์) {advice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/backup_dialog.py" line="87"/>
        <source>กำลังสำรองข้อมูล…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/backup_dialog.py" line="129"/>
        <source>กู้คืนแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../otop_desktop/ui/backup_dialog.py" line="130"/>
        <source>กู้คืนข้อมูลจากไฟล์สำรองแล้ว ข้อมูลเดิมเก็บไว้ที่
{kept}
กรุณาเข้าสู่ระบบอีกครั้ง</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
