/* Function-table entries of the linalg module (see table/table.h). */
#include "table/table.h"

const numc__func numc__table_linalg[] = {
    NUMC__TABLE_END,
};
