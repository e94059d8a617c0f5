<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// A method that tests a property for null guards the getter of that
// property: `if ($o->hasX()) $o->getX()->...`.
declare(strict_types=1);

namespace App\HasX;

class Avatar {
    public function url(): string { return 'u'; }
}

class Profile {
    private ?Avatar $avatar = null;

    public function setAvatar(Avatar $a): void { $this->avatar = $a; }
    public function getAvatar(): ?Avatar { return $this->avatar; }
    public function hasAvatar(): bool { return $this->avatar !== null; }
    public function hasAvatarFlipped(): bool { return null !== $this->avatar; }
    public function hasAvatarIsset(): bool { return isset($this->avatar); }
    public function hasAvatarCast(): bool { return (bool) $this->avatar; }
    public function hasAvatarFn(): bool { return !is_null($this->avatar); }
    public function lacksAvatar(): bool { return $this->avatar === null; }
    public function lacksAvatarFn(): bool { return is_null($this->avatar); }
}

function withAvatar(): Profile {
    $p = new Profile();
    $p->setAvatar(new Avatar());
    return $p;
}

function guarded(Profile $p): void {
    if ($p->hasAvatar()) {
        echo $p->getAvatar()->url(); // not reported: hasAvatar() tests avatar
    }
    if ($p->hasAvatarFlipped()) {
        echo $p->getAvatar()->url(); // not reported
    }
    if ($p->hasAvatarIsset()) {
        echo $p->getAvatar()->url(); // not reported
    }
    if ($p->hasAvatarCast()) {
        echo $p->getAvatar()->url(); // not reported
    }
    if ($p->hasAvatarFn()) {
        echo $p->getAvatar()->url(); // not reported
    }
}

function testGuarded(): void {
    guarded(new Profile());
    guarded(withAvatar());
}

function earlyExit(Profile $p): string {
    if (!$p->hasAvatar()) {
        return '';
    }
    return $p->getAvatar()->url(); // not reported: the test exits first
}

function earlyExitNegated(Profile $p): string {
    if ($p->lacksAvatar() || $p->lacksAvatarFn()) {
        return '';
    }
    return $p->getAvatar()->url(); // not reported: lacksAvatar() is the negated test
}

function testEarlyExit(): void {
    earlyExit(new Profile());
    earlyExit(withAvatar());
    earlyExitNegated(new Profile());
    earlyExitNegated(withAvatar());
}

function wrongBranch(Profile $p): void {
    if (!$p->hasAvatar()) {
        echo $p->getAvatar()->url(); // want `^\$p->getAvatar\(\) may be null here \(Profile::getAvatar\(\) returns \?Avatar\)$`
    }
}

function testWrongBranch(): void { wrongBranch(new Profile()); }

function unguarded(): void {
    $p = new Profile();
    echo $p->getAvatar()->url(); // want `^\$p->getAvatar\(\) may be null here \(Profile::getAvatar\(\) returns \?Avatar\)$`
}

function testUnguarded(): void { unguarded(); }
