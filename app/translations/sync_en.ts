<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ConflictDialog</name>
    <message numerus="yes">
        <source>%n row(s) in yellow differ.</source>
        <translation>
            <numerusform>%n row in yellow differs.</numerusform>
            <numerusform>%n rows in yellow differ.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoverPanel</name>
    <message numerus="yes">
        <source>%n record(s) not handed over yet.</source>
        <translation>
            <numerusform>%n record not handed over yet.</numerusform>
            <numerusform>%n records not handed over yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message numerus="yes">
        <source>Offline · %n record(s) waiting</source>
        <translation>
            <numerusform>Offline · %n record waiting</numerusform>
            <numerusform>Offline · %n records waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting to be sent</source>
        <translation>
            <numerusform>%n record waiting to be sent</numerusform>
            <numerusform>%n records waiting to be sent</numerusform>
        </translation>
    </message>
</context>
</TS>
