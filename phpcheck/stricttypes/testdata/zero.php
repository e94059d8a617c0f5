<?php
declare(strict_types=0); // want col=9 "strict_types=0 leaves weak scalar typing on"
echo 1;
