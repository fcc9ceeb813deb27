<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>IssuePanel</name>
    <message numerus="yes">
        <source>Still to fill in: %n required field(s)</source>
        <translation>
            <numerusform>Still to fill in: %n required field</numerusform>
            <numerusform>Still to fill in: %n required fields</numerusform>
        </translation>
    </message>
</context>
</TS>
