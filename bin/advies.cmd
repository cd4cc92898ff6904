@echo off
rem Runs the advies command line on Windows, from an unpacked release (advies.jar beside bin\) or a
rem source checkout (pom.xml beside bin\: builds target\advies.jar with Maven when it is missing, or older
rem than the sources where PowerShell can tell).
rem Java: the runtime shipped in runtime\ if there is one, else %JAVA_HOME%\bin\java.exe, else java on
rem the PATH; it must be Java 17 or newer, else a Dutch message says what to install. Crash reports of
rem the JVM go to %TEMP%, never to the current folder. No class-data-sharing archive is made or used
rem here (bin/advies does that on Linux); start-up is slower for it.
rem ADVIES_RULES names the default rules folder (else rules\ beside bin\); --rules still wins.
rem ADVIES_JAVA_OPTS is appended last, so anything here can be overridden.
rem
rem What this script never does: change the console (no chcp: it reads the code page and Java writes
rem in it), expand "!" in paths (delayed expansion is off), or leave a window that closes before its
rem text can be read (started from Explorer, it waits for a key). The arguments are passed on as cmd
rem hands them over: an argument holding & | < > ^ must be quoted ("C:\R&D\uit"), see docs\windows.md.
setlocal EnableExtensions DisableDelayedExpansion
rem %~dp0 names the current folder instead of the script's when the script was found on the PATH
rem and started with quotes ("advies.cmd"); inside a called label it is always the script's.
call :locate
rem Wine's cmd leaves %~dp0 empty inside a called label; there the script's own line is right.
if not exist "%ADVIES_HOME%\bin\advies.cmd" for %%I in ("%~dp0..") do set "ADVIES_HOME=%%~fI"
set "ADVIES_PAUSE="
if "%~1"=="" call :started_from_explorer

set "ADVIES_JAR=%ADVIES_HOME%\advies.jar"
if not exist "%ADVIES_HOME%\pom.xml" goto :find_java
set "ADVIES_JAR=%ADVIES_HOME%\target\advies.jar"

:find_java
set "JAVA_EXE="
if exist "%ADVIES_HOME%\runtime\bin\java.exe" set "JAVA_EXE=%ADVIES_HOME%\runtime\bin\java.exe"
if defined JAVA_EXE goto :java_ok
if not defined JAVA_HOME goto :java_on_path
if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if defined JAVA_EXE goto :check_java
:java_on_path
for %%J in (java.exe) do set "JAVA_EXE=%%~$PATH:J"
if not defined JAVA_EXE goto :no_java

:check_java
rem Java 8 would stop at an option it does not know, Java 11 at the class files, both in English.
rem The version comes from the installation's release file, else from java -version.
set "JAVA_VERSION="
set "JAVA_MAJOR=0"
for %%J in ("%JAVA_EXE%") do set "JAVA_RELEASE=%%~dpJ..\release"
if exist "%JAVA_RELEASE%" for /f "usebackq tokens=1,* delims==" %%A in ("%JAVA_RELEASE%") do if "%%A"=="JAVA_VERSION" set "JAVA_VERSION=%%~B"
if not defined JAVA_VERSION for /f "tokens=2,3" %%U in ('call "%JAVA_EXE%" -version 2^>^&1') do if "%%U"=="version" if not defined JAVA_VERSION set "JAVA_VERSION=%%~V"
if not defined JAVA_VERSION goto :java_ok
rem 1.8.0_392 is Java 8, 17.0.15 is 17; anything but a number counts as 0 (unknown: Java may try).
for /f "tokens=1 delims=._-+" %%A in ("%JAVA_VERSION%") do set "JAVA_MAJOR=%%A"
for /f "tokens=2 delims=._-+" %%A in ("%JAVA_VERSION%") do set "JAVA_MINOR=%%A"
if "%JAVA_MAJOR%"=="1" set "JAVA_MAJOR=%JAVA_MINOR%"
set /a "JAVA_MAJOR=JAVA_MAJOR" >nul 2>nul
if %JAVA_MAJOR% GEQ 17 goto :java_ok
if %JAVA_MAJOR% LEQ 0 goto :java_ok
echo advies: de gevonden Java is versie %JAVA_MAJOR% ("%JAVA_EXE%"); advies heeft Java 17 of nieuwer nodig. 1>&2
echo Installeer Java 17 of nieuwer (bijvoorbeeld Eclipse Temurin 17 van https://adoptium.net) en laat JAVA_HOME ernaar wijzen. 1>&2
set "STATUS=127"
goto :end

:java_ok
if not exist "%ADVIES_HOME%\pom.xml" goto :run
call :build_if_stale
if not "%STATUS%"=="0" goto :end

:run
if not defined ADVIES_RULES set "ADVIES_RULES=%ADVIES_HOME%\rules"
rem A trailing backslash would escape the closing quote of -Dadvies.rules="..." for Java.
if "%ADVIES_RULES:~-1%"=="\" set "ADVIES_RULES=%ADVIES_RULES:~0,-1%"
rem The Java settings of each kind of command are in bin\advies.jvm (NAME=OPTIONS; see there why), which
rem bin/advies and the benchmark read too. The benchmark starts its cold-start runs through this script
rem (advies.launcher, read by bench only).
set "JVM_KIND=short"
if /i "%~1"=="serve" set "JVM_KIND=serve"
if /i "%~1"=="bench" set "JVM_KIND=bench"
set "ALL_OPTS="
set "SPEED_OPTS="
for /f "usebackq eol=# tokens=1,* delims==" %%A in ("%ADVIES_HOME%\bin\advies.jvm") do (
  if "%%A"=="all" set "ALL_OPTS=%%B"
  if "%%A"=="%JVM_KIND%" set "SPEED_OPTS=%%B"
)
rem The console shows text in its code page (chcp prints it; nothing is switched), and PowerShell
rem decodes what it captures with the same one: Java writes in it (65001 is UTF-8).
set "ADVIES_CP="
for /f "tokens=2 delims=:" %%C in ('chcp') do set "ADVIES_CP=%%C"
set "ADVIES_ENCODING=UTF-8"
if defined ADVIES_CP set "ADVIES_CP=%ADVIES_CP: =%"
if defined ADVIES_CP set "ADVIES_CP=%ADVIES_CP:.=%"
if "%ADVIES_CP%"=="0" set "ADVIES_CP="
if defined ADVIES_CP if not "%ADVIES_CP%"=="65001" set "ADVIES_ENCODING=cp%ADVIES_CP%"
"%JAVA_EXE%" %ALL_OPTS% "-XX:ErrorFile=%TEMP%\advies-hs_err_pid%%p.log" "-XX:ReplayDataFile=%TEMP%\advies-replay_pid%%p.log" "-Dadvies.console.encoding=%ADVIES_ENCODING%" "-Dadvies.rules=%ADVIES_RULES%" "-Dadvies.launcher=%ADVIES_HOME%\bin\advies.cmd" %SPEED_OPTS% %ADVIES_JAVA_OPTS% -jar "%ADVIES_JAR%" %*
set "STATUS=%ERRORLEVEL%"
goto :end

:no_java
echo advies: geen Java gevonden (versie 17 of nieuwer nodig): zet java op het PATH, of JAVA_HOME op een Java-installatie. 1>&2
echo Installeer Java 17 of nieuwer, bijvoorbeeld Eclipse Temurin 17 van https://adoptium.net. 1>&2
set "STATUS=127"

:end
if not defined ADVIES_PAUSE exit /b %STATUS%
echo.
echo advies werkt in een opdrachtprompt: open er een in de map van advies en typ bijvoorbeeld
echo   bin\advies evaluate fixtures\2022-2023 --out uit\2022-2023
echo De gebruikersgids staat in docs\gebruikersgids.md.
pause
exit /b %STATUS%

:locate
for %%I in ("%~dp0..") do set "ADVIES_HOME=%%~fI"
exit /b 0

:started_from_explorer
rem Explorer runs a script as cmd /c ""...\advies.cmd" " and closes the window when it ends. Read with
rem delayed expansion, so nothing in the command line is parsed as a command.
setlocal EnableDelayedExpansion
set "cmdline=!CMDCMDLINE!"
set "pause_at_end="
if /i not "!cmdline:/c=!"=="!cmdline!" set "pause_at_end=1"
endlocal & set "ADVIES_PAUSE=%pause_at_end%"
exit /b 0

:build_if_stale
rem A source checkout: build the jar when it is missing, or when PowerShell finds a source newer
rem than it (without PowerShell a changed source needs "mvn -DskipTests package").
set "STATUS=0"
if not exist "%ADVIES_JAR%" goto :build
powershell -NoProfile -NonInteractive -Command "$jar = (Get-Item -LiteralPath $env:ADVIES_JAR).LastWriteTimeUtc; $newer = Get-ChildItem -LiteralPath (Join-Path $env:ADVIES_HOME 'src\main'), (Join-Path $env:ADVIES_HOME 'pom.xml') -Recurse -File | Where-Object { $_.LastWriteTimeUtc -gt $jar } | Select-Object -First 1; if ($newer) { exit 10 } else { exit 0 }" >nul 2>nul
if not "%ERRORLEVEL%"=="10" exit /b 0
:build
echo advies: building "%ADVIES_JAR%" (first use, or the sources changed) ... 1>&2
pushd "%ADVIES_HOME%"
call mvn -q -B -DskipTests -Dadvies.release.skip=true package 1>&2
set "STATUS=%ERRORLEVEL%"
popd
exit /b %STATUS%
