@echo off
rem Runs the advies command line on Windows, from an unpacked release (advies.jar beside bin\) or a
rem source checkout (pom.xml beside bin\: builds target\advies.jar with Maven when it is missing; after
rem a change to the Java sources run "mvn -DskipTests package" yourself).
rem Java: the runtime shipped in runtime\ if there is one, else %JAVA_HOME%\bin\java.exe, else java on
rem the PATH. Crash reports of the JVM go to %TEMP%, never to the current folder. No class-data-sharing
rem archive is made or used here (bin/advies does that on Linux); start-up is slower for it.
rem ADVIES_RULES names the default rules folder (else rules\ beside bin\); --rules still wins.
rem ADVIES_JAVA_OPTS is appended last, so anything here can be overridden.
setlocal
for %%I in ("%~dp0..") do set "ADVIES_HOME=%%~fI"

set "ADVIES_JAR=%ADVIES_HOME%\advies.jar"
if not exist "%ADVIES_HOME%\pom.xml" goto :find_java
set "ADVIES_JAR=%ADVIES_HOME%\target\advies.jar"
if exist "%ADVIES_JAR%" goto :find_java
echo advies: building %ADVIES_JAR% (first use) ... 1>&2
pushd "%ADVIES_HOME%"
call mvn -q -B -DskipTests -Dadvies.release.skip=true package 1>&2
set "BUILD_STATUS=%ERRORLEVEL%"
popd
if not "%BUILD_STATUS%"=="0" exit /b %BUILD_STATUS%

:find_java
set "JAVA_EXE="
if exist "%ADVIES_HOME%\runtime\bin\java.exe" set "JAVA_EXE=%ADVIES_HOME%\runtime\bin\java.exe"
if defined JAVA_EXE goto :run
if not defined JAVA_HOME goto :java_on_path
if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if defined JAVA_EXE goto :run
:java_on_path
where java >nul 2>nul
if errorlevel 1 goto :no_java
set "JAVA_EXE=java"

:run
if not defined ADVIES_RULES set "ADVIES_RULES=%ADVIES_HOME%\rules"
rem A trailing backslash would escape the closing quote of -Dadvies.rules="..." for Java.
if "%ADVIES_RULES:~-1%"=="\" set "ADVIES_RULES=%ADVIES_RULES:~0,-1%"
rem ArchiveRelocationMode=0 maps Java's own class-data-sharing archive where it was made for instead
rem of rewriting its pointers elsewhere first (see bin/advies); the server keeps the default. With C1 alone
rem nothing reads the interpreter's profiles, so it does not gather them.
set "SPEED_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:-UsePerfData -XX:+UnlockDiagnosticVMOptions -XX:+IgnoreUnrecognizedVMOptions -XX:ArchiveRelocationMode=0 -XX:-ProfileInterpreter"
if /i "%~1"=="serve" set "SPEED_OPTS="
if /i "%~1"=="bench" set "SPEED_OPTS=-XX:+UseParallelGC"
rem The messages are UTF-8: switch the console to it for this run and back afterwards.
set "OLD_CP="
for /f "tokens=2 delims=:." %%C in ('chcp') do set "OLD_CP=%%C"
chcp 65001 >nul
"%JAVA_EXE%" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off "-XX:ErrorFile=%TEMP%\advies-hs_err_pid%%p.log" "-XX:ReplayDataFile=%TEMP%\advies-replay_pid%%p.log" -XX:-CreateCoredumpOnCrash "-Dadvies.rules=%ADVIES_RULES%" %SPEED_OPTS% %ADVIES_JAVA_OPTS% -jar "%ADVIES_JAR%" %*
set "STATUS=%ERRORLEVEL%"
if defined OLD_CP chcp %OLD_CP% >nul
exit /b %STATUS%

:no_java
echo advies: geen Java gevonden (versie 17 of nieuwer nodig): zet java op het PATH, of JAVA_HOME op een Java-installatie. 1>&2
exit /b 127
