<?php // riskvet:run
// Types followed across files through namespaces and use imports.
declare(strict_types=1);

namespace App\Web;

require_once __DIR__ . '/ns_decl.php';

use App\Repo\{UserRepo, AdminRepo};
use App\Repo\Finder as F;
use function App\Repo\helper;

function testImported(): void {
    $repo = new UserRepo();
    $user = $repo->find(1);
    $user->name(); // want `^\$user may be null here \(UserRepo::find\(\) returns \?User\)$`
}

function testInherited(): void {
    $repo = new AdminRepo();
    $repo->find(1)->name(); // want `^\$repo->find\(\) may be null here \(UserRepo::find\(\) returns \?User\)$`
}

function viaInterface(F $finder): void {
    $finder->find(1)->name(); // want `^\$finder->find\(\) may be null here \(Finder::find\(\) returns \?User\)$`
}
function testInterface(): void { viaInterface(new UserRepo()); }

function testTrait(): void {
    $repo = new UserRepo();
    $repo->owner()->name(); // want `^\$repo->owner\(\) may be null here \(HasOwner::owner\(\) returns \?Account\)$`
}

function testTraitProperty(): void {
    $repo = new UserRepo();
    $repo->owner->name(); // want `^\$repo->owner may be null here \(property HasOwner::\$owner is \?User\)$`
}

function testDocblockInNamespace(): void {
    (new UserRepo())->legacy(1)->name(); // want `UserRepo::legacy\(\) returns User\|null per @return`
}

function testUseFunction(): void {
    helper()->name(); // want `^helper\(\) may be null here \(helper\(\) returns \?\\App\\Model\\User\)$`
}

function testFullyQualified(): void {
    $r = new \App\Repo\UserRepo();
    $r->must(1)->name(); // not reported: must() returns User
    \App\Repo\helper()?->name(); // not reported: nullsafe
}
