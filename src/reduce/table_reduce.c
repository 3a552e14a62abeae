/* Function-table entries of the reduce module (see table/table.h). */
#include "table/table.h"

const numc__func numc__table_reduce[] = {
    NUMC__TABLE_END,
};
