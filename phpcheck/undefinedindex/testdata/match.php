<?php // riskvet:run
declare(strict_types=1);

namespace MatchArms;

// `match (true)` picks the first arm whose condition is true: the arm's
// result runs where its condition holds, and the later arms where each
// earlier test was false. Seen as `! empty($frame['function']) =>
// $frame['function']` in a stack-frame renderer
// (bench/judged/undefinedindex-third-default-2026-12-01.tsv, id 2).

final class Frame
{
    /** @var array{file: string, line: int, class?: string, function?: string} */
    private array $raw;

    /** @param array{file: string, line: int, class?: string, function?: string} $raw */
    public function __construct(array $raw)
    {
        $this->raw = $raw;
    }

    public function callee(): string
    {
        return match (true) {
            !empty($this->raw['function']) => $this->raw['function'], // negative: the arm's condition
            default => 'main',
        };
    }

    public function owner(): string
    {
        return match (true) {
            !isset($this->raw['class']) => '',
            default => $this->raw['class'], // negative: the earlier test was false
        };
    }

    public function qualified(): ?string
    {
        return match (true) {
            isset($this->raw['class']), isset($this->raw['function']) => $this->raw['function'], // want `\$this->raw\['function'\] may be undefined`
            default => '',
        };
    }

    public function place(): ?string
    {
        return match (true) {
            $this->raw['line'] > 0 => $this->raw['class'], // want `\$this->raw\['class'\] may be undefined`
            default => $this->raw['file'],
        };
    }

    public function label(): ?string
    {
        return match (true) {
            $this->raw['class'] ?? false => 'method',
            default => $this->raw['class'], // want `\$this->raw\['class'\] may be undefined`
        };
    }
}

/** @param array{kind?: string} $node */
function kindOf(array $node): string
{
    return match ($node['kind'] ?? '') {
        'leaf' => $node['kind'], // negative: 'leaf' is not the default '', so the key is set
        default => 'none',
    };
}

function testFrames(): void
{
    $frame = new Frame(['file' => 'a.php', 'line' => 3, 'class' => 'Job']);
    echo $frame->callee(), $frame->owner(), $frame->place();
    $bare = new Frame(['file' => 'b.php', 'line' => 1]);
    echo $bare->callee(), $bare->owner(), $bare->place(), $bare->label();
    echo (new Frame(['file' => 'c.php', 'line' => 2, 'class' => 'Job']))->qualified();
    echo kindOf([]), kindOf(['kind' => 'leaf']);
}
