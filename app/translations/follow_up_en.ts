<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>FollowUpPage</name>
    <message numerus="yes">
        <source>{date} — %n day(s) late</source>
        <translation>
            <numerusform>{date} — %n day late</numerusform>
            <numerusform>{date} — %n days late</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s), {late} overdue</source>
        <translation>
            <numerusform>%n visit, {late} overdue</numerusform>
            <numerusform>%n visits, {late} overdue</numerusform>
        </translation>
    </message>
</context>
</TS>
