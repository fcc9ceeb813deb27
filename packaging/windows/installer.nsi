; The Windows installer of the desktop app, built by scripts/build-windows.sh with Debian's makensis:
;   makensis -DVERSION=0.1.0 -DAPPDIR=<PyInstaller's jemput folder> -DOUTFILE=<setup.exe> installer.nsi
; 64-bit (the Qt 6 wheels are x64 only), one folder under Program Files, for every account on the laptop; the
; officer's data (database, photos, keys) is not here but in each user's own folder (platformdirs:
; %LOCALAPPDATA%\JemputBola\jemput-bola), which neither an upgrade nor the uninstaller touches.
; Silent, for an office preparing many laptops:  JemputBola-Setup-<version>.exe /S  [/D=C:\path, last, no quotes]
; Uninstall:  "C:\Program Files\Jemput Bola\uninstall.exe" /S

Unicode true
Target amd64-unicode
!ifdef QUICK
  ; Only for the second installer of the upgrade check (scripts/check-windows.sh): a minute less, larger file.
  SetCompressor zlib
!else
  SetCompressor /SOLID lzma
!endif
ManifestDPIAware true

!ifndef VERSION | APPDIR | OUTFILE
  !error "give -DVERSION=x.y.z -DAPPDIR=folder -DOUTFILE=file"
!endif

!define PRODUCT "Jemput Bola"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\JemputBola"

!include "MUI2.nsh"
!include "x64.nsh"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${PRODUCT}"
; An upgrade goes where the first install went, even if the office chose another folder then.
InstallDirRegKey HKLM "Software\JemputBola" "InstallDir"
RequestExecutionLevel admin
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1057 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=1057 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1057 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1057 "FileDescription" "Pemasang ${PRODUCT}"
VIAddVersionKey /LANG=1057 "LegalCopyright" "Data wilayah Kemendagri: ODbL 1.0 (lihat NOTICE)"

!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
; Indonesian, the officers' language (1057 above is its language id).
!insertmacro MUI_LANGUAGE "Indonesian"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${PRODUCT} membutuhkan Windows 64-bit." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
FunctionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

Section "Jemput Bola" SecApp
  SectionIn RO
  SetShellVarContext all
  ; An upgrade replaces the program's own files: a library the newer version no longer has must not linger and be
  ; loaded. Only the program folder is emptied; the data folder is elsewhere (see the top).
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${APPDIR}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\jemput.exe" "" "$INSTDIR\jemput.exe" 0
  CreateShortCut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\jemput.exe" "" "$INSTDIR\jemput.exe" 0

  WriteRegStr HKLM "Software\JemputBola" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "Software\JemputBola" "Version" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PRODUCT}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\jemput.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  ; Only what the installer put there, by name: never RMDir /r "$INSTDIR" (an office may have chosen a folder that
  ; holds other things). The officer's data folder is not touched: records not yet sent to the server live there.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\jemput.exe"
  Delete "$INSTDIR\jemput-console.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "Software\JemputBola"
SectionEnd
