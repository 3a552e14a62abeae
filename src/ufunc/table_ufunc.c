/* Function-table entries of the ufunc module (see table/table.h). */
#include "table/table.h"

const numc__func numc__table_ufunc[] = {
    NUMC__TABLE_END,
};
