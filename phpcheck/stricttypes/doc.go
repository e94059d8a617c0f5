// Package stricttypes defines a PHP check that reports files that leave
// PHP's weak scalar typing switched on.
//
// # Check stricttypes
//
// stricttypes: file does not declare strict_types=1
//
// A PHP file is reported when its first statement is not a declare that
// sets strict_types=1, or when it declares strict_types=0. Directive names
// and values are case-insensitive, comments and whitespace may come before
// the declare, and the declare may set other directives too:
//
//	<?php
//	/* header */ declare(ticks=1, STRICT_TYPES=1);
//
// A file whose first bytes are inline HTML (a template, including a file
// that starts with a BOM or a blank line before <?php) is exempt, because
// PHP rejects the declaration anywhere but at the very start of the file;
// so is a file that opens with <?= and an empty file.
//
// The finding sits on the opening tag when the declaration is missing, and
// on the directive when it is wrong or misplaced. `riskvet php -fix` inserts
// `declare(strict_types=1);` on its own line right after the opening tag,
// with the file's own line ending, and turns strict_types=0 into 1. A file
// that declares strict_types later than its first statement is reported
// but not fixed: PHP already rejects it, and a second declaration would
// not help.
//
// False positives: none in the PHP sense (the file really is weakly typed),
// but a project that relies on coercion on purpose will see every file
// reported; disable the check with -checks=-stricttypes.
package stricttypes
