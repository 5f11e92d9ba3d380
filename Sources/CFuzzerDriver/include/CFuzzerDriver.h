#ifndef C_FUZZER_DRIVER_H
#define C_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, for a binary that has its own `main` (SwiftPM names an executable's entry
/// point itself, so libFuzzer's `main` cannot be used). Defined only when linked with
/// `-sanitize=fuzzer`; declared here so that Swift can call it in that build.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
