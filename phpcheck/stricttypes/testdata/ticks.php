<?php // want "file does not declare"
// Only declare(ticks) is not enough.
declare(ticks=1);
