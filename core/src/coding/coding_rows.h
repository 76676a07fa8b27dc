#pragma once
// The old name of coding_shared.h, which clashed with the backend's coding_rows.h gateway. Only
// refi/ and cmocs/ still include it (their move is issue 16's other half); remove this file once
// they include coding_shared.h.
#include "coding_shared.h"
