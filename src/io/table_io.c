/* Function-table entries of the io module (see table/table.h). */
#include "table/table.h"

const numc__func numc__table_io[] = {
    NUMC__TABLE_END,
};
