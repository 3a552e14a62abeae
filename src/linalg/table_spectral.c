/* Function-table entries of the spectral module (see table/table.h). */
#include "table/table.h"

const numc__func numc__table_spectral[] = {
    NUMC__TABLE_END,
};
