/* Function-table entries of the creation module (see table/table.h). */
#include "table/table.h"

const numc__func numc__table_creation[] = {
    NUMC__TABLE_END,
};
