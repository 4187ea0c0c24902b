//! Every input stage does work in proportion to its input: each case is run at n and 8n and
//! the work (allocations and bytes allocated, counted by this test's allocator on the test's
//! own thread — never wall time) may grow at most about eightfold.

use quoth::article::{Article, Format};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static ALLOCS: Cell<u64> = const { Cell::new(0) };
    static BYTES: Cell<u64> = const { Cell::new(0) };
}

// SAFETY: every call is passed on to the system allocator unchanged; the counters are
// thread-local cells with constant initialisers, which never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        let _ = BYTES.try_with(|c| c.set(c.get() + layout.size() as u64));
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        let _ = BYTES.try_with(|c| c.set(c.get() + new_size as u64));
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// (allocations, bytes allocated) by `f` on this thread.
fn work(f: impl FnOnce()) -> (u64, u64) {
    let before = (ALLOCS.with(Cell::get), BYTES.with(Cell::get));
    f();
    (
        ALLOCS.with(Cell::get) - before.0,
        BYTES.with(Cell::get) - before.1,
    )
}

/// Runs `case` at n and 8n; the work may grow at most sixteenfold (linear, with slack for
/// buffers that double as they grow; quadratic would be 64-fold).
fn assert_scales(what: &str, n: usize, case: impl Fn(usize)) {
    let small = work(|| case(n));
    let big = work(|| case(8 * n));
    assert!(
        big.0 <= 16 * small.0.max(1) && big.1 <= 16 * small.1.max(1),
        "{what}: work at n={n} {small:?}, at 8n {big:?}"
    );
}

fn article(text: String, format: Format) -> Article {
    Article::from_bytes(text.as_bytes(), None, Some(format)).expect("article")
}

/// Invented names, all different, from syllables.
fn first_names(n: usize) -> Vec<String> {
    let syl = ["ka", "lo", "mi", "ne", "ru", "ta", "vi", "so", "de", "pa"];
    (0..n)
        .map(|i| {
            let mut name = String::new();
            let mut k = i;
            for _ in 0..5 {
                name.push_str(syl[k % syl.len()]);
                k /= syl.len();
            }
            let mut c = name.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect()
}

#[test]
fn many_people_sharing_a_surname_in_one_paragraph() {
    assert_scales("shared surname", 500, |n| {
        let names = first_names(n);
        let mut text = String::from("“We will see,” said Ana Tarrow. ");
        for pair in names.chunks(2) {
            text.push_str(&format!(
                "{} Tarrow met {} Tarrow. ",
                pair[0],
                pair[pair.len() - 1]
            ));
        }
        let a = article(text, Format::Text);
        let _ = quoth::attribution::analyse(&a);
    });
}

#[test]
fn nested_markdown_lists() {
    assert_scales("nested list", 1000, |n| {
        let _ = article(format!("{}text\n", "- ".repeat(n)), Format::Markdown);
    });
}

#[test]
fn nested_html_elements() {
    assert_scales("nested html", 1000, |n| {
        let page = format!(
            "<html><body>{}<p>“We will see,” said Ana Tarrow.</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let r = Article::from_bytes(page.as_bytes(), None, Some(Format::Html));
        assert!(
            r.as_ref()
                .is_err_and(|e| e.to_string().contains("levels deep")),
            "{:?}",
            r.map(|a| a.text.len())
        );
    });
}

#[test]
fn the_quotes_table_of_a_one_line_article() {
    assert_scales("quotes table", 2000, |n| {
        let text = "“Yes,” said Ana Tarrow. ".repeat(n);
        let a = article(text, Format::Text);
        let analysis = quoth::attribution::analyse(&a);
        let table = quoth::report::table(&a, &analysis);
        assert!(table.lines().count() > n / 2);
    });
}
