/* Function-table entries of the products module (see table/table.h). */
#include "table/table.h"

const numc__func numc__table_products[] = {
    NUMC__TABLE_END,
};
