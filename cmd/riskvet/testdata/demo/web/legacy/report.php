<?php

declare(strict_types=1);

// parseerror: a half-finished edit left the foreach without its ")".
function total(array $rows): int
{
    $sum = 0;
    foreach ($rows as $row {
        $sum += $row['amount'];
    }
    return $sum;
}
