#ifndef SCHEMACTL_CLIBPQ_SHIM_H
#define SCHEMACTL_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
