<?php // riskvet:flags -nullderef.loud
// The directive sets the toy check's loud flag for this fixture only:
// runnable.php, checked after it, expects the quiet message.
$bad = 1; // want `^bad variable \$bad, loudly$`
