<?php
// The harness reports each $bad variable, with a column when asked.
$good = 1;
$bad = 2; // want "bad variable \\$bad"
$bad = $bad; // want col=1 "bad" col=8 `bad`
$bad = 0; # want "bad variable"
/* no finding: a comment mentioning bad is not a variable */

// riskvet:ignore nullderef the toy check reports every $bad
$bad = 3;
$bad = 4; # riskvet:ignore nullderef same line, with a reason
/* riskvet:ignore nullderef,undefinedindex block comment */ $bad = 5;

// riskvet:ignore nullderef // want "gives no reason"
$bad = 6; // want "bad variable"
// riskvet:ignore nosuchrule because // want `unknown rule "nosuchrule"`
$bad = 7; // want "bad variable"
// riskvet:ignore // want "names no rule"
