/*
 * A stand-in for java.exe in WindowsLauncherTest, built with MinGW and run under Wine's cmd.
 * "-version" prints the line in STUB_VERSION on stderr (as Java does) and notes "asked" beside bin\;
 * any other start writes its arguments, as the C runtime splits the command line (as java.exe does),
 * one per line in UTF-8 to "started" beside bin\, and exits with STUB_EXIT.
 */
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <windows.h>

static void beside_bin(wchar_t *out, const wchar_t *name) {
    GetModuleFileNameW(NULL, out, MAX_PATH);
    wchar_t *slash = wcsrchr(out, L'\\'); if (slash) *slash = 0;   /* ...\bin */
    slash = wcsrchr(out, L'\\'); if (slash) *slash = 0;             /* the installation */
    wcscat(out, L"\\");
    wcscat(out, name);
}

int wmain(int argc, wchar_t **argv) {
    wchar_t path[MAX_PATH + 32];
    if (argc > 1 && wcscmp(argv[1], L"-version") == 0) {
        beside_bin(path, L"asked");
        FILE *f = _wfopen(path, L"w"); if (f) fclose(f);
        const char *v = getenv("STUB_VERSION");
        fprintf(stderr, "%s\n", v ? v : "openjdk version \"17.0.15\" 2025-04-15");
        return 0;
    }
    beside_bin(path, L"started");
    FILE *f = _wfopen(path, L"wb");
    for (int i = 1; i < argc && f; i++) {
        char utf8[4096];
        int n = WideCharToMultiByte(CP_UTF8, 0, argv[i], -1, utf8, sizeof utf8, NULL, NULL);
        if (n > 0) fprintf(f, "%s\n", utf8);
    }
    if (f) fclose(f);
    const char *code = getenv("STUB_EXIT");
    return code ? atoi(code) : 0;
}
