// Package nullderef defines a PHP check that reports method calls and
// property accesses on values that may be null.
//
// # Check nullderef
//
// nullderef: method call or property access on a value that may be null
//
// A method call (`$x->m()`), a property read or write (`$x->p`) or a link of
// a chain without `?->` is reported when its receiver is null on some path
// that the check can name. The message says what may be null and why:
//
//	$user may be null here (UserRepo::find() returns null at src/UserRepo.php:41)
//	$this->avatar may be null here (property Profile::$avatar is ?Avatar)
//	$x may be null here (assigned null at line 12)
//
// Each finding carries an evidence level ([nullness.Evidence]). Definite: the
// function itself makes the value null on every path to the dereference
// (`$x = null; $x->m();`, a dereference in the branch where `$x === null`
// holds); the message then says "is null here". Inevitable: the function
// makes the value null at a point that the dereference follows on every
// path, with no test of anything and no exit between (`$x = null; if ($ok)
// { $x = f(); } $x->m();`, or `if ($x === null) { log(); } $x->m();`):
// whenever that point runs without the fix, PHP throws. A null that only the
// path no case took leaves (an if-elseif chain without else, a switch
// without default), a nullable parameter and an inline @var are not
// inevitable: they state what the author believes covered or promised.
// Local: the function puts null on some paths: a null assignment or default that a branch leaves,
// its own nullable parameter, a ternary, match or ?-> that yields null, an
// inline @var that admits null, or a comparison with null that the
// dereference follows without an exit (the message then ends in "checked
// null at line N"). Shown: code elsewhere shows null can come: a callee
// whose body returns null on some path (the message names the file and
// line of that return), a nullable property that no initializer sets.
// Declared: only the declared or documented type of something else says
// null may come: a property every initializer sets, a callee whose body
// never returns null as written, an interface or abstract method. A join
// of two nulls takes the surer level.
//
// By default definite and inevitable findings are reported. The default is
// measured: judged on real code (bench/judged), 5 of 60 findings at the
// local level were real, 7 of 60 at the shown level, and 1 of 29
// declared-only ones; almost every false one was a null tied to a
// condition on another value, which a join of states cannot correlate
// (`if ($c) $x = f(); ... if ($c) $x->m();`). An inevitable dereference
// needs no correlation: nothing between the null and the crash tests
// anything. Every inevitable finding on 32 real code bases was judged (see
// bench/README.md for the count and the verdicts).
// `-nullderef.level=local` or `shown` adds the others; `-nullderef.level=declared`,
// or `-nullderef.strict` (PHPStan's level 8), adds the declared ones too,
// which end in "declared only":
//
//	$user may be null here (UserRepo::find() returns ?User; declared only)
//	$this->db may be null here (property Repo::$db is ?Db, set by __construct(); declared only)
//
// Method summaries, collected from every body in the index pass, say what
// each method does: the properties of $this it assigns non-null on every
// normal path, those it may assign null, the methods of $this it always
// calls, whether it returns null as written, and whether it is a getter
// (`return $this->p;`) or a null test (`return $this->p !== null;`).
//
// Initialization: a nullable property (`?T`, `T|null`, `@var T|null`) that
// the constructor (through the parents: a subclass constructor counts
// through what it sets and through parent::__construct()) or a lifecycle
// method (PHPUnit's setUp, methods marked `#[Before]` or `@before`, those a
// PHPBench `BeforeMethods` attribute or tag names, and those the lifecycle
// setting lists) sets on every normal path, directly or through methods it
// always calls, and that no other method of the class, its parents or
// their traits may set to null, is declared only wherever it is read,
// except on $this inside the initializers themselves.
//
// Effects: after `$this->connect()` or `$client->connect()`, whose body
// always sets `$this->conn`, the caller's `$this->conn` or `$client->conn`
// is non-null. After `if ($o->hasAvatar())`, where hasAvatar() is a null
// test of `$this->avatar`, `$o->avatar` is non-null on the branch that says
// so, and a getter of avatar, `$o->getAvatar()`, returns that value.
// After `$o->reset()`, whose body may assign null to `$this->avatar` and
// does not set it again on every path, what a guard proved of
// `$o->avatar` is forgotten: it is as null as its declared type. Other
// calls keep what was proven of their receiver's properties, as PHPStan
// does: a null written through a helper is missed. A body that writes
// null on one outcome only (`$this->p = null; return true;`) undoes the
// guard on every outcome, a false positive where the caller tests the
// outcome (`if (!$o->fetch()) { $o->p->cancel(); }`). A variable bound by
// reference to a path (`$r = &$o->p;`) is that path: a write of either,
// null or not, forgets what a guard proved of the other; references made
// by foreach, global, static, a closure's use or a by-reference parameter
// are not followed, which misses a null written through them.
//
// The finding sits at the start of the dereferenced expression, once per
// site. After a report the value is taken as non-null (PHP would have
// thrown), so one missing check is one finding, not one per later use.
//
// Sources of null: the null literal, assigned or returned; parameters
// typed `?T`, `T|null` or `T $x = null`; properties typed `?T` or `T|null`
// (including promoted constructor parameters, and an `@var` tag on an
// untyped property); functions, methods and static methods whose return
// type includes null, or, without a native return type, whose `@return`
// tag does; untyped functions that `return null;` on some path; match
// arms and ternary branches that yield null; `??` with a null fallback;
// the result of `?->` stored in a variable; and a variable still null after
// a branch, loop, switch or try that may not assign it. Backed enums' tryFrom
// returns null too.
//
// Guards: `!== null`, `!= null`, `=== null` and `== null` followed by an
// exit (return, throw, continue, break, exit, die), truthiness (`if ($x)`,
// `if (!$x) return;`), instanceof, isset, !empty, is_null, is_object and the
// other is_* functions, assert() of any of these, &&, || and xor, ternaries, the
// arms of `match (true)` and the cases of `switch (true)` (each case where
// its condition holds, the later ones where it did not), a boolean variable holding any of these (`$ok =
// $x !== null; if ($ok)`), @phpstan-assert and @psalm-assert tags (with
// their -if-true and -if-false forms) on the called function or method,
// PHPUnit's assertNotNull, assertInstanceOf, assertIsObject,
// assertNotEmpty, and assertTrue or assertFalse of any condition,
// `??` and `?:` with a non-null fallback, `??=`, assignments in conditions
// (`while (($x = f()) !== null)`, `if ($x = f())`), and property paths
// (`if ($p->avatar !== null) { $p->avatar->url(); }`). `?->` short-circuits
// the rest of its chain, as in PHP: `$f?->bar()->baz()` is safe when bar()
// returns non-null, and so are the call's own arguments, which PHP
// evaluates only when the receiver is not null (`$m?->url($m->id())`).
// A foreach over an array known not to be empty (after `count($a) > 0`,
// `!empty($a)` or `$a !== []`, or an array literal with an element,
// explode()'s result, or a call whose documented return type is
// `non-empty-array` or `non-empty-list`) runs its body at least once, so
// what the body always assigns holds after the loop; a documented type is
// trusted as a declared one is, so a body that breaks it hides what its
// loop leaves unassigned. A write to a variable variable (`$$name = ...`)
// or extract() may assign any local: what was known of each is lost. A
// first-class callable (`$o->m(...)`) is a Closure: it calls nothing, so
// m's nullable result and its effects do not apply.
//
// What is reported by default: a null the function itself puts on every
// path, or at a point the dereference inevitably follows (see
// [nullness.Inevitable]), outside test code. Settings change that, each
// as a flag (`riskvet php -nullderef.level=local`) or a key of riskvet.toml's
// `[nullderef]` table (`level = "local"`):
//
//   - level is the least sure evidence reported: definite, inevitable (the
//     default), local, shown or declared.
//   - strict reports every level, as level=declared does: PHPStan's level 8.
//   - tests also reports in test code: classes that extend PHPUnit's
//     `PHPUnit\Framework\TestCase`, directly or through classes in the
//     index, and files under a folder named tests, Tests, test or Test (a
//     segment of the path relative to the scanned directory).
//   - never_null lists functions and methods ("get_current_screen",
//     "Container::get", "Psr\Container\ContainerInterface::get") that never
//     return null once the application runs, whatever their declared type.
//     A name with a namespace matches that fully qualified name and, for a
//     class, the classes that extend or implement it; one without matches
//     the short name in any namespace; case does not matter.
//   - lifecycle lists methods that run before every other method of their
//     class, as the constructor and PHPUnit's setUp do ("initialize").
//
// A finding these settings leave out is still looked for: a riskvet:ignore
// directive that excuses it is not reported as stale, so a directive does
// not depend on the settings of the run.
//
// Types come from the symbol index of the whole tree (package
// phpcheck/index): a variable typed by a parameter, a `new`, a property or a
// call result lets the check follow `$repo->find($id)` to the declared
// `?User`, through parents, traits and interfaces, across files, with
// namespaces and use imports resolved.
//
// False positives and negatives: each heuristic trades one for the other,
// and says which.
//
//   - Unknown is never null. Untyped parameters, mixed, untyped properties
//     without @var, and calls into code outside the scanned tree (PHP's own
//     functions included) are never reported. This misses bugs behind
//     untyped code, and keeps the check silent where it cannot name a source.
//   - A docblock type counts only where there is no native type (PHP enforces
//     the native one). Docblocks can be stale; they are the project's own
//     claim, so a finding from one says "per @return" or "per @var".
//   - An inline `/** @var T $x */` (or @phpstan-var, @psalm-var) before any
//     statement sets $x's type from there on, as in PHPStan and Psalm (and
//     in PhpStorm's `@var $x T` order); a
//     bare `/** @var T */` types the variable its assignment writes, and a
//     tag before a foreach types the loop variable in every pass. A
//     non-null T silences the check (the author asserts it), a T with null
//     is a source. A wrong annotation hides a bug.
//   - A boolean variable that holds a null test (`$ok = $x !== null;`,
//     isset, instanceof, is_* or an asserting call) narrows where it is
//     tested, until either variable is assigned; so does a flag set to true
//     on one path and false on another (`$found = true; break;`), with what
//     each path knew, and a flag holding a ternary with a falsy constant on
//     one side (`$more = $x ? $x->more() : false;`), which when truthy
//     proves the ternary's condition (its negation, with the constant on
//     the true side) and when falsy proves nothing. At most a few tests per function and a few paths per
//     test are remembered, and a flag set inside a loop without leaving it
//     is forgotten, so such a guard can be missed (a false positive, never
//     a hidden bug).
//   - Correlated nulls of local variables are kept as clauses: after
//     `if ($a === null && $b === null) { throw ...; }` one of $a and $b is
//     non-null, and a branch that proves $a null (the else of `$a !==
//     null`, the right side of `$a ?? ...`, a failed instanceof of $a's own
//     class, or a falsy `$a` whose class is known: an object is never
//     falsy) has $b non-null. `xor` splits into its two cases, so after
//     `null === $a xor null === $b` and `null === $a && null === $b` both
//     return, both are set, and a branch whose test contradicts a clause
//     is dead. A write to any variable of a clause ends it; a point keeps
//     at most 8 clauses of 4 variables. No clause is kept of a variable a
//     write the walk cannot see may change: one bound by reference (`&$b`
//     anywhere, `global`, `static`, a by-reference parameter), a script's
//     top-level variables (any call may write a global), or any variable
//     across include or eval; a finally block keeps only clauses whose
//     variables neither its try nor its catch blocks mention. A falsy test
//     or a failed instanceof proves a clause only when the declared type is
//     one class or null. The trade-off: a docblock class
//     that a falsy non-object breaks (a `Foo` that is really `Foo|false`),
//     or a falsy SimpleXMLElement subclass, would prove a wrong non-null
//     and hide a bug; a loose `== null` (true of 0 and "") proves no null
//     to a clause. Properties, the truth of flags (`$x = $ok ? f() : null;
//     if ($ok) $x->m();`) and conditions on calls are not related, which
//     leaves those false positives.
//   - @phpstan-assert and @psalm-assert tags are trusted as written: after
//     `@phpstan-assert !null $x` the argument is non-null, and an -if-true
//     or -if-false tag is negated on the other branch unless written =T,
//     as PHPStan reads it (`-if-true null $x` makes $x non-null where the
//     call is false). A wrong tag hides a bug, as a wrong @var does. The
//     negation never makes a value null, as PHPStan's would: tags like
//     `-if-true !null $this->cache` are often written on tests that also
//     fail for other reasons, and a null taken from them would be noise;
//     a bug behind such a negation is missed. An override without tags
//     inherits its parent's (or interface's), as PHPStan reads @inheritDoc.
//     A tag on a method path (`!null $this->b->getarray()`) matches the
//     call in any case, as PHP's method names do.
//   - PHPUnit's assertions are recognised by name on `$this->`, `self::`,
//     `static::` and any class (`Assert::`) when the scanned tree does not
//     declare the method or declares it in a subclass of PHPUnit's Assert
//     or TestCase: PHPUnit itself is rarely scanned. A project method of
//     the same name that does not throw on failure, declared outside the
//     tree, would hide a bug after it. They matter in test code (reported
//     with -nullderef.tests) and in helpers outside it that call them
//     (Laravel's TestResponse).
//   - A call ends the path when the callee never returns: a native `never`
//     type, a @return, @phpstan-return or @psalm-return tag saying never
//     or no-return (trusted as written, also on a void function, as
//     PHPStan reads it), a body whose every path ends in exit, die or
//     throw, and a function whose every path ends so or in a call of a
//     function that never returns (a die helper wrapping another). Only
//     calls of named functions are followed: a method or a handler called
//     through a variable (WordPress's wp_die, whose handler is a filter
//     and may be told not to exit) is not, which leaves false positives
//     after such calls, never a hidden bug beyond a wrong tag.
//   - Laravel's guard helpers narrow like assert(): after
//     `abort_unless($x !== null, 404)` or `throw_unless(...)` the condition
//     holds, after `abort_if($x === null, 404)` or `throw_if(...)` it does
//     not. A helper of that name is trusted when the index does not declare
//     it (Laravel itself is usually in vendor, outside the scanned tree), or
//     when its body tests its first parameter in an if that ends in throw,
//     exit or a call (taken as the abort), or passes it on to another such
//     helper. A project function of that name declared outside the tree
//     with another meaning would hide a bug after it; one in the tree that
//     does not abort on its condition narrows nothing.
//   - An untyped function counts as nullable only for an explicit `return
//     null;`. A bare `return;` is far more often a void function's exit.
//   - A variable that is undefined on some path (assigned in one branch only)
//     is not reported: only explicit nulls are. PHP would warn about the
//     undefined variable first.
//   - isset() and !empty() of an offset or property below a path
//     (`isset($a->b['k'])`, `isset($a->b->c)`) prove every link above it
//     non-null where they hold: PHP's isset reads the links itself and is
//     false on a null one. A default written above later cases of a
//     `switch (true)` is narrowed only by the cases above it (PHP tests it
//     last), which can leave a false positive there, never a hidden bug.
//   - Branches are joined without correlating conditions: `$a = null; if
//     ($c) $a = f(); ... if ($c) $a->x();` is reported, as in PHPStan. Write
//     the guard on the value itself, or suppress with a reason.
//   - Property facts survive calls (PHPStan's default): after `if ($this->p
//     !== null)`, a call to another method does not make `$this->p` nullable
//     again. The opposite fact does not survive: a method call on `$x` (or
//     a self:: or static:: call) forgets that `$x->p` was null, since the
//     method may have assigned it, and makes `$x->p` non-null when its
//     summary says it always assigns it. Zero-argument method results are
//     remembered between a guard and a use (`if ($a->b() !== null)
//     $a->b()->c();`), as PHPStan does; an impure getter can hide a bug.
//   - A path passed to a parameter declared with a class or interface type
//     without null (`Node $n`, not `?Node`, `Node $n = null`, mixed or
//     untyped), of a function, method or constructor the index knows, is
//     non-null after the call: PHP would have thrown a TypeError entering
//     the callee. A null that does reach such a call fails there as a
//     TypeError, which this check does not report, so it is missed at the
//     call and not reported again after it (one finding per missing check
//     would otherwise become one per use, as the type already states the
//     callee's demand). Scalar types are left out, though PHP also refuses
//     null for them in user functions; the check keeps to the types whose
//     refusal reads plainly in the code.
//   - A variable passed by reference, or to a callee the index does not know
//     (which might take it by reference), loses its null fact.
//   - A strict comparison with null, or is_null, that falls through without
//     an exit leaves the value maybe null after the if, even when it was
//     unknown before: the code itself says it can be null.
//   - A comparison with null narrows any value, typed or not, on both
//     branches, loose `==` included: where `$o == null` holds, $o is null,
//     false, 0, "" or [] and no object, so `if ($o == null && $o->id)` is
//     reported (sonar-php's S1697) with the comparison as the source. The
//     code shows null there; a value that is only ever false or 0 when it
//     equals null is reported too, and fails as a dereference all the same.
//   - `try` is conservative: a catch starts from the join of every state the
//     try block passed through, so a variable assigned in the try is maybe
//     null after a catch that neither assigns it nor exits.
//   - Initialization takes every value not null as written as set: a
//     property assigned a call's result, or an untyped variable, in the
//     constructor is declared only even when that call may return null.
//     Trusting the initializer keeps constructor injection quiet; a null
//     that the constructor stores is found only by -nullderef.strict.
//   - Paths that return or throw do not count against an initializer: a
//     constructor that returns early before assigning is taken as
//     assigning, since early exits are mostly argument checks that throw.
//   - An initialised property is taken as set in every method, though a
//     method that the constructor calls before the assignment, or an
//     object made without its constructor (unserialize,
//     newInstanceWithoutConstructor), can read it null; a subclass outside
//     the scanned tree that nulls it is not seen either.
//   - setUp counts as a lifecycle method by its name alone, in any class:
//     outside PHPUnit a method so named rarely runs after other methods.
//   - Effects and getters resolve `$this->m()` on the receiver's declared
//     class: an override in a subclass that does not set the property is
//     missed.
//   - A null test or getter is recognised only when the method's body is
//     that single return; anything more is an ordinary call.
//   - A callee whose body only passes on another call's result, or a
//     property it always sets, is declared only: a null that it forwards
//     from further down is reported only by -nullderef.strict. A body
//     that returns a property it may not have set (a getter, a lazy getter
//     that may fail to load) is as shown as that property.
//   - An interface or abstract method's nullable result is declared only,
//     even when an implementation returns null: the check does not join a
//     call to the implementations it may reach.
//   - Static variables, globals and by-reference closure uses are unknown:
//     their value outlives the code that can be seen.
//   - A nullsafe `?->` on a receiver not known to be non-null yields a value
//     that may be null when stored: the author wrote `?->` because the
//     receiver can be null.
//   - Test code is not reported by default: a null dereference there fails
//     its test loudly and reaches no user, and most nullable reads in tests
//     are of values the test has just stored. A null bug in a test helper
//     is missed; a project whose base test class extends a TestCase outside
//     the scanned tree (vendor) is recognised only by its tests folder.
//   - A never_null entry is the user's claim, as an inline @var is: a
//     listed call that does return null (before the application booted, or
//     in a code path the list did not foresee) is missed.
//
// Closures have their own scope: `use` variables are copied at creation
// (by-reference ones are unknown), and arrow functions capture the whole
// enclosing state by value. A closure also keeps the guards on `$this`'s
// properties, since it is most often run right away (array_map, usort):
// a closure stored and run after the property is nulled again is missed.
package nullderef
