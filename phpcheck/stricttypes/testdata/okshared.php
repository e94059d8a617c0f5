<?php
/* ok: comments and whitespace may precede the declare */

   # and hash comments
declare(ticks=1, strict_types=1);
echo 1;
