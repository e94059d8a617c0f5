<?php
// ok: the first statement declares strict types.
declare(strict_types=1);
echo 1;
