<?php // riskvet:run // riskvet:flags -nullderef.level=local
// Correlated nulls in a file's top-level code: its variables are globals,
// which any call may assign, so no clause of them proves one set.

class ScriptUnit {
    public function name(): string { return 'u'; }
}

function resetScriptGlobal(): void { $GLOBALS['second'] = null; }

$first = rand(0, 1) === 2 ? new ScriptUnit() : null;
$second = rand(0, 1) < 2 ? new ScriptUnit() : null;
if ($first === null && $second === null) {
    throw new \Exception();
}
resetScriptGlobal();
if ($first === null) {
    echo $second->name(); // want `^\$second may be null here \(ternary yields null at line 12\)$`
}
