/* Function-table entries of the join module (see table/table.h). */
#include "table/table.h"

const numc__func numc__table_join[] = {
    NUMC__TABLE_END,
};
