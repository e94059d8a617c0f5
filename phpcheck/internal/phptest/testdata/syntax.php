<?php
// A file the parser rejects gives exactly one parseerror finding.
function f( { // want col=13 "syntax error"
}
$bad = 1;
