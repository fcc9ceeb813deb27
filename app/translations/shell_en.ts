<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>GuardrailCard</name>
    <message numerus="yes">
        <source>%n more day(s) before new registrations are blocked</source>
        <translation>
            <numerusform>%n more day before new registrations are blocked</numerusform>
            <numerusform>%n more days before new registrations are blocked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more before new registrations are blocked</source>
        <translation>
            <numerusform>%n more before new registrations are blocked</numerusform>
            <numerusform>%n more before new registrations are blocked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message numerus="yes">
        <source>Too many wrong passwords. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong passwords. Try again in %n second.</numerusform>
            <numerusform>Too many wrong passwords. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message numerus="yes">
        <source>Nothing to remove: no finished record is older than %n day(s).</source>
        <translation>
            <numerusform>Nothing to remove: no finished record is older than %n day.</numerusform>
            <numerusform>Nothing to remove: no finished record is older than %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n finished record(s) from this laptop? The server keeps them.</source>
        <translation>
            <numerusform>Remove %n finished record from this laptop? The server keeps it.</numerusform>
            <numerusform>Remove %n finished records from this laptop? The server keeps them.</numerusform>
        </translation>
    </message>
</context>
</TS>
