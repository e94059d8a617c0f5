<?php // riskvet:ignore stricttypes generated file // want "riskvet:ignore stricttypes directive matches no finding"
declare(strict_types=1);
echo 1;
