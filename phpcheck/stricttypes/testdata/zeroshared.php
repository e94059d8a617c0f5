<?php
declare(ticks=1, STRICT_TYPES=0); // want col=18 "strict_types=0"
