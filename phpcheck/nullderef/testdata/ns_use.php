<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// Types followed across files through namespaces and use imports.
declare(strict_types=1);

namespace App\Web;

require_once __DIR__ . '/ns_decl.php';

use App\Repo\{UserRepo, AdminRepo};
use function App\Repo\helper;

function testImported(): void {
    $repo = new UserRepo();
    $user = $repo->find(1);
    $user->name(); // want `^\$user may be null here \(UserRepo::find\(\) returns null at ns_decl\.php:27\)$`
}

function testInherited(): void {
    $repo = new AdminRepo();
    $repo->find(1)->name(); // want `^\$repo->find\(\) may be null here \(UserRepo::find\(\) returns null at ns_decl\.php:27\)$`
}

// An interface method's nullable result is declared only: strict_run.php.

function testTrait(): void {
    $repo = new UserRepo();
    $repo->owner()->name(); // want `^\$repo->owner\(\) may be null here \(HasOwner::owner\(\) returns \?Account\)$`
}

function testTraitProperty(): void {
    $repo = new UserRepo();
    $repo->owner->name(); // want `^\$repo->owner may be null here \(property HasOwner::\$owner is \?User\)$`
}

function testDocblockInNamespace(): void {
    (new UserRepo())->legacy(1)->name(); // want `UserRepo::legacy\(\) returns null at ns_decl\.php:30`
}

function testUseFunction(): void {
    helper()->name(); // want `^helper\(\) may be null here \(helper\(\) returns null at ns_decl\.php:35\)$`
}

function testFullyQualified(): void {
    $r = new \App\Repo\UserRepo();
    $r->must(1)->name(); // not reported: must() returns User
    \App\Repo\helper()?->name(); // not reported: nullsafe
}
