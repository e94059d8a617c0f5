<?php // riskvet:run
declare(strict_types=1);

// The label check runs the test functions under php: the want lines fail
// at run time and the other lines do not.
function testMissingKey(): void
{
    // riskvet:ignore nullderef setting up the array is not the failure
    $bad = [];
    echo $bad['k']; // want "^bad variable \\$bad$"
}

function testFine(): void
{
    $a = ['k' => 1];
    echo $a['k'];
}
