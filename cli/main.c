#include "numc.h"
int main(void) { return 0; }
