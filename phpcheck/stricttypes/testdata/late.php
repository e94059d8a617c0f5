<?php
// Reported but not fixed: PHP itself rejects a late declare.
namespace App;
declare(strict_types=1); // want col=9 "not the first statement"
