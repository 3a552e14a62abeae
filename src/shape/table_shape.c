/* Function-table entries of the shape module (see table/table.h). */
#include "table/table.h"

const numc__func numc__table_shape[] = {
    NUMC__TABLE_END,
};
