; Argmap's Windows installer, built on Linux by packaging/build with NSIS:
;   makensis -DVERSION=0.1.0 -DEXE=argmap.exe -DMAPS=maps.nsh -DOUTFILE=setup.exe argmap.nsi
; Per user, without administrator rights: the program under
; %LOCALAPPDATA%\Programs\Argmap, a Start-menu shortcut, "Open with Argmap"
; for .ron maps, and an uninstaller that removes exactly what was installed.
; /S installs (and uninstalls) silently, for school IT.

; 64-bit, like the program it installs (and so it runs where only 64-bit Wine is).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Argmap"
!define PROGID "Argmap.Map"
!define OPEN_COMMAND '"$INSTDIR\argmap.exe" "%1"'

Name "Argmap"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Argmap"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "Argmap ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "Argmap"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "Argmap installer"
VIAddVersionKey "LegalCopyright" "MIT or Apache-2.0"

; The shipped maps, one File and one Delete each (written by packaging/build).
!include "${MAPS}"
!include "MUI2.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\argmap.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Start Argmap on the Kimmage–Kramer debate"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Section "Argmap"
    SetOutPath "$INSTDIR"
    File "/oname=argmap.exe" "${EXE}"
    SetOutPath "$INSTDIR\maps"
    !insertmacro INSTALL_MAPS
    SetOutPath "$INSTDIR"
    WriteUninstaller "$INSTDIR\Uninstall Argmap.exe"
    CreateShortcut "$SMPROGRAMS\Argmap.lnk" "$INSTDIR\argmap.exe" "" "$INSTDIR\argmap.exe" 0

    ; Maps are .ron files, a name other programs use too: Argmap is always
    ; offered under "Open with", and opens them on a double click only
    ; where no other program has claimed .ron.
    WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Argmap map"
    WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\argmap.exe,0"
    WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '${OPEN_COMMAND}'
    WriteRegStr HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}" ""
    ReadRegStr $0 HKCU "Software\Classes\.ron" ""
    StrCmp $0 "" 0 +2
        WriteRegStr HKCU "Software\Classes\.ron" "" "${PROGID}"
    WriteRegStr HKCU "Software\Classes\Applications\argmap.exe" "FriendlyAppName" "Argmap"
    WriteRegStr HKCU "Software\Classes\Applications\argmap.exe\SupportedTypes" ".ron" ""
    WriteRegStr HKCU "Software\Classes\Applications\argmap.exe\shell\open\command" "" '${OPEN_COMMAND}'

    ; Settings ▸ Apps lists it, and can remove it.
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Argmap"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Argmap"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\argmap.exe,0"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall Argmap.exe"'
    WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall Argmap.exe" /S'
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" ${SIZE_KB}

    ; Explorer shows the new icon and "Open with" at once.
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
    ; Only what was installed: a map a student saved into this folder stays,
    ; and keeps the folder with it.
    Delete "$INSTDIR\argmap.exe"
    !insertmacro REMOVE_MAPS
    RMDir "$INSTDIR\maps"
    Delete "$INSTDIR\Uninstall Argmap.exe"
    RMDir "$INSTDIR"
    Delete "$SMPROGRAMS\Argmap.lnk"

    ReadRegStr $0 HKCU "Software\Classes\.ron" ""
    StrCmp $0 "${PROGID}" 0 +2
        DeleteRegValue HKCU "Software\Classes\.ron" ""
    DeleteRegValue HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}"
    DeleteRegKey /ifempty HKCU "Software\Classes\.ron\OpenWithProgids"
    DeleteRegKey /ifempty HKCU "Software\Classes\.ron"
    DeleteRegKey HKCU "Software\Classes\${PROGID}"
    DeleteRegKey HKCU "Software\Classes\Applications\argmap.exe"
    DeleteRegKey HKCU "${UNINSTALL_KEY}"

    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
