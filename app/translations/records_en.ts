<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>This list as it is filtered now (%n record(s))</source>
        <translation>
            <numerusform>This list as it is filtered now (%n record)</numerusform>
            <numerusform>This list as it is filtered now (%n records)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to:</source>
        <translation>
            <numerusform>Saved %n row to:</numerusform>
            <numerusform>Saved %n rows to:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message numerus="yes">
        <source>Approve %n record(s)</source>
        <translation>
            <numerusform>Approve %n record</numerusform>
            <numerusform>Approve %n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordDetailPage</name>
    <message numerus="yes">
        <source>%n photo(s) or document(s) of the officer are on the server and not on this laptop yet: they come with the next sync.</source>
        <translation>
            <numerusform>%n photo or document of the officer is on the server and not on this laptop yet: it comes with the next sync.</numerusform>
            <numerusform>%n photos or documents of the officer are on the server and not on this laptop yet: they come with the next sync.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewQueuePage</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting</source>
        <translation>
            <numerusform>%n record waiting</numerusform>
            <numerusform>%n records waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) approved.</source>
        <translation>
            <numerusform>%n record approved.</numerusform>
            <numerusform>%n records approved.</numerusform>
        </translation>
    </message>
</context>
</TS>
