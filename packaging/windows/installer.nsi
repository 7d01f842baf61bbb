; Delegation Planner — Windows installer (NSIS 3, Unicode). Built by scripts/package.sh:
;   makensis -DVERSION=0.1.0 -DSTAGE=<folder with the .exe and docs> -DOUTFILE=<setup.exe> installer.nsi
;
; A per-user install (no administrator rights needed, which office PCs often withhold):
; %LOCALAPPDATA%\Programs\Delegation Planner, a Start-menu entry, "Delegation Planner
; project" files (.ron) opening in the app, and an uninstaller listed in Settings › Apps.
;
; .ron is a generic extension. The installer registers the project file type
; (DelegationPlanner.Project) and offers it in "Open with" for every .ron file, but makes it
; the default for .ron only when no other program has claimed .ron already.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "makensis -DVERSION=x.y.z"
!endif
!ifndef STAGE
  !error "makensis -DSTAGE=folder holding delegation-planner.exe"
!endif
!ifndef OUTFILE
  !define OUTFILE "delegation-planner-${VERSION}-windows-x86_64-setup.exe"
!endif

!define APP_NAME "Delegation Planner"
!define APP_EXE "delegation-planner.exe"
!define PROG_ID "DelegationPlanner.Project"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\DelegationPlanner"
!define SHCNE_ASSOCCHANGED 0x08000000

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel user
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "CompanyName" "The Delegation Planner authors"
VIAddVersionKey /LANG=1033 "LegalCopyright" "The Delegation Planner authors, MIT OR Apache-2.0"

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "${STAGE}\delegation-planner.ico"
!define MUI_UNICON "${STAGE}\delegation-planner.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; NSIS picks the user's Windows display language when it is one of these, else English.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"

LangString FILE_TYPE_NAME ${LANG_ENGLISH} "Delegation Planner project"
LangString FILE_TYPE_NAME ${LANG_SIMPCHINESE} "代表团会务助手项目"
LangString START_MENU_NAME ${LANG_ENGLISH} "Delegation Planner"
LangString START_MENU_NAME ${LANG_SIMPCHINESE} "代表团会务助手"

Section "Delegation Planner" SecApp
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${STAGE}\${APP_EXE}"
  File "${STAGE}\delegation-planner.ico"
  File "${STAGE}\README.txt"
  SetOutPath "$INSTDIR\licences"
  File /r "${STAGE}\licences\*.*"
  SetOutPath "$INSTDIR\examples"
  File /r "${STAGE}\examples\*.*"
  SetOutPath "$INSTDIR"

  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Start menu. The shortcut's name follows the installer's language.
  CreateShortcut "$SMPROGRAMS\$(START_MENU_NAME).lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  WriteRegStr HKCU "${UNINSTALL_KEY}" "StartMenuShortcut" "$SMPROGRAMS\$(START_MENU_NAME).lnk"

  ; The project file type, and "Open with" for .ron files.
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "$(FILE_TYPE_NAME)"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  WriteRegStr HKCU "Software\Classes\.ron\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\${APP_EXE}\SupportedTypes" ".ron" ""
  WriteRegStr HKCU "Software\Classes\Applications\${APP_EXE}" "FriendlyAppName" "${APP_NAME}"
  WriteRegStr HKCU "Software\Classes\Applications\${APP_EXE}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  ; The default for .ron only if nobody has it (Windows lets the user change it later).
  ReadRegStr $0 HKCR ".ron" ""
  ${If} $0 == ""
    WriteRegStr HKCU "Software\Classes\.ron" "" "${PROG_ID}"
  ${EndIf}
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'

  ; Settings › Apps (and Control Panel › Programs).
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "The Delegation Planner authors"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  SectionGetSize ${SecApp} $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ReadRegStr $0 HKCU "${UNINSTALL_KEY}" "StartMenuShortcut"
  ${If} $0 != ""
    Delete "$0"
  ${EndIf}

  ReadRegStr $0 HKCU "Software\Classes\.ron" ""
  ${If} $0 == "${PROG_ID}"
    DeleteRegValue HKCU "Software\Classes\.ron" ""
  ${EndIf}
  DeleteRegValue HKCU "Software\Classes\.ron\OpenWithProgids" "${PROG_ID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.ron\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\.ron"
  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  DeleteRegKey HKCU "Software\Classes\Applications\${APP_EXE}"
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'

  ; Only what the installer put there: the user's projects live elsewhere, and settings
  ; and recovery copies in %APPDATA%\delegation-planner stay for a reinstall.
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\delegation-planner.ico"
  Delete "$INSTDIR\README.txt"
  RMDir /r "$INSTDIR\licences"
  RMDir /r "$INSTDIR\examples"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
