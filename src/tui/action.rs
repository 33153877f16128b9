//! What a key asks for. Keys become actions through the keymap; only `App::update` acts.

/// The top-level screens, in tab order (number keys 1–8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    Scorecard,
    Influencers,
    Costs,
    Posts,
    Codes,
    Campaigns,
    Gifts,
    Events,
}

impl Screen {
    pub const ALL: [Screen; 8] = [
        Screen::Scorecard,
        Screen::Influencers,
        Screen::Costs,
        Screen::Posts,
        Screen::Codes,
        Screen::Campaigns,
        Screen::Gifts,
        Screen::Events,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Screen::Scorecard => "Scorecard",
            Screen::Influencers => "Influencers",
            Screen::Costs => "Costs",
            Screen::Posts => "Posts",
            Screen::Codes => "Codes",
            Screen::Campaigns => "Campaigns",
            Screen::Gifts => "Gifts",
            Screen::Events => "Events",
        }
    }

    pub fn index(self) -> usize {
        Screen::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// Everything a key can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    /// Esc: close what is open, or clear the search.
    Back,
    NextScreen,
    PrevScreen,
    GoTo(Screen),
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// Select row N of the screen's table (a mouse click).
    Select(usize),
    /// ← / → : scroll a table's columns when not all fit the terminal.
    ColumnsLeft,
    ColumnsRight,
    // Scorecard
    CycleSort,
    CyclePeriod,
    CustomPeriod,
    CyclePlatform,
    CycleCampaign,
    Search,
    ToggleDetail,
    /// Switch the scorecard between "by code" and "incremental" (the lift model).
    ToggleLift,
    /// The three views side by side: each creator's rank by code, by her customers, by
    /// what she caused.
    ToggleCompare,
    /// The incremental view of one shop alone, the next one (then every shop again).
    NextShop,
    /// Show the shop's other channels (Meta ads, a newsletter) below the creators.
    ToggleChannels,
    /// The detail pane: figures → sales chart → payback curve.
    CycleChart,
    /// The scorecard as bars of its sort key, or as the table.
    ToggleBars,
    /// On a gift: log her post (creator and date filled in).
    LogGiftPost,
    /// On a gift: mark it declined.
    DeclineGift,
    Export,
    /// Write the HTML report (her own page when the detail pane is open).
    Report,
    // Anywhere outside a form
    Import,
    UndoImport,
    /// Put back the cost, post, code or link deleted last.
    PutBack,
    LoadDemo,
    Refresh,
    // Lists
    Add,
    Edit,
    Delete,
    AddCode,
    AddCost,
    AddPost,
    AddLink,
    /// The shop's money settings (cost of goods, fees, refund hold).
    MoneySettings,
    /// Record a commission payout to the selected influencer.
    AddPayout,
    /// What every creator has earned, has held for refunds, was paid and is owed.
    ShowPayouts,
    /// Plan a deal with the selected influencer.
    PlanDeal,
    /// The next days the selected creator's post would stand alone.
    ScheduleNext,
    // Forms
    Submit,
    NextField,
    PrevField,
    /// ← / → : the previous / next option of a choice field (the cursor in a text field).
    ChoiceLeft,
    ChoiceRight,
    /// Tab in the import path field: complete the file name.
    Complete,
    /// Copy the link being built (link builder).
    Copy,
    // Confirmations and the import preview
    Confirm,
    ConfirmSkipInvalid,
    /// In the import preview: import dates a spreadsheet misread as the dates they meant
    /// (again: refuse them).
    FixDates,
    /// In the import preview: a rate for orders in a second currency (`import --rate`).
    EnterRate,
}
