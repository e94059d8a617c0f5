<?php // riskvet:run
// riskvet:flags nullderef.strict
// Declared-only findings, reported under -nullderef.strict, that do fail at
// run time: the declaration was right, though no body the check reads
// shows the null.
declare(strict_types=1);

namespace App\Strict;

require_once __DIR__ . '/ns_decl.php';

use App\Repo\Finder;
use App\Repo\UserRepo;

// An interface method: only its declaration says null, and UserRepo's
// implementation (which the check does not connect to the call) returns it.
function viaInterface(Finder $finder): void {
    $finder->find(1)->name(); // want `^\$finder->find\(\) may be null here \(Finder::find\(\) returns \?User; declared only\)$`
}
function testInterface(): void { viaInterface(new UserRepo()); }
