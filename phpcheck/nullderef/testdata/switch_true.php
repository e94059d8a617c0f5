<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// isset() and !empty() of an offset or property below a path prove every
// link above it non-null; `switch (true)` narrows each case by its
// condition, and the later cases by the earlier conditions' negation.
declare(strict_types=1);

class Mapping {
    /** @var array<string, string> */
    public array $scalars = [];
    /** @var array<string, string> */
    public array $metas = [];
    public ?Mapping $inner = null;
    public function label(string $k): string { return $k; }
}

class Hydrate {
    public ?Mapping $map = null;

    public function issetOffset(string $k): string {
        if (isset($this->map->scalars[$k])) {
            return $this->map->label($k); // not reported: isset proves $this->map
        }
        return '';
    }

    public function issetChain(): string {
        if (isset($this->map->inner->inner)) {
            return $this->map->inner->label('x'); // not reported: isset proves both links
        }
        return '';
    }

    public function notEmpty(string $k): string {
        if (!empty($this->map->metas[$k])) {
            return $this->map->label($k); // not reported: !empty proves $this->map
        }
        return '';
    }

    public function switchTrue(string $k): string {
        switch (true) {
            case isset($this->map->scalars[$k]):
                return $this->map->label($k); // not reported: the case's isset
            case isset($this->map->metas[$k]):
                $l = $this->map->label($k); // not reported: the case's isset
                break;
            default:
                $l = '';
        }
        return $l;
    }

    public function switchTrueNegation(?Mapping $m): string {
        switch (true) {
            case $m === null:
                return '';
            case $m->scalars === []:
                return 'none'; // not reported above: the earlier case was false
            default:
                return $m->label('k'); // not reported: every earlier case was false
        }
    }

    public function switchTrueFallsOut(): string {
        switch (true) {
            case isset($this->map->scalars['k']):
                echo 'found';
                break;
        }
        return $this->map->label('k'); // want `^\$this->map may be null here \(property Hydrate::\$map is \?Mapping\)$`
    }
}

function testClean(): void {
    $h = new Hydrate();
    $h->issetOffset('k');
    $h->issetChain();
    $h->notEmpty('k');
    $h->switchTrue('k');
    $h->switchTrueNegation(null);
    $h->switchTrueNegation(new Mapping());
    $h->map = new Mapping();
    $h->map->scalars['k'] = 'v';
    $h->map->inner = new Mapping();
    $h->map->inner->inner = new Mapping();
    $h->issetOffset('k');
    $h->issetChain();
    $h->notEmpty('k');
    $h->switchTrue('k');
}

function testFallsOut(): void {
    (new Hydrate())->switchTrueFallsOut();
}
