/* Status codes, the thread-local error message and warnings. */
#include <stdio.h>

#include "core.h"

static _Thread_local numc_status last_status;
static _Thread_local char last_message[512];
static _Thread_local char last_warning[256];

const char *numc_strerror(numc_status s) {
  switch (s) {
#define NUMC_STATUS_TEXT_(name, value, text) \
  case NUMC_##name:                          \
    return text;
    NUMC_STATUS_LIST(NUMC_STATUS_TEXT_)
#undef NUMC_STATUS_TEXT_
  }
  return "unknown status";
}

const char *numc_status_name(numc_status s) {
  switch (s) {
#define NUMC_STATUS_NAME_(name, value, text) \
  case NUMC_##name:                          \
    return #name;
    NUMC_STATUS_LIST(NUMC_STATUS_NAME_)
#undef NUMC_STATUS_NAME_
  }
  return "UNKNOWN";
}

const char *numc_last_error(void) { return last_message; }
numc_status numc_last_status(void) { return last_status; }
const char *numc_last_warning(void) { return last_warning; }

void numc_clear_error(void) {
  last_status = NUMC_OK;
  last_message[0] = '\0';
  last_warning[0] = '\0';
}

numc_status numc__fail(numc_status s, const char *fmt, ...) {
  last_status = s;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(last_message, sizeof last_message, fmt, ap);
  va_end(ap);
  return s;
}

numc_status numc__oom(void) { return numc__fail(NUMC_ENOMEM, "out of memory"); }

void numc__warn(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(last_warning, sizeof last_warning, fmt, ap);
  va_end(ap);
}
