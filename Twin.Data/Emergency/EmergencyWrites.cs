using System.Data.Common;
using Twin.Data.Store;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;

namespace Twin.Data.Emergency;

/// <summary>
/// Writes the 平急融合 events inside the pipeline batch's transaction, so a mode change, a ticked
/// step or a stock movement is on disk exactly when the batch is. These events are rare (a
/// handful per incident), so each statement is built per write rather than kept prepared.
/// </summary>
internal static class EmergencyWrites
{
    /// <summary>Writes <paramref name="change"/> if it is an emergency event; false for any other event.</summary>
    public static bool TryWrite(DbConnection connection, DbTransaction transaction, TwinEvent change)
    {
        switch (change)
        {
            case ModeChanged m:
                var c = m.Change;
                BatchSql.Execute(connection, transaction,
                    """
                    INSERT INTO mode_changes (incident_id, kind, type, level, at, actor, role, reason, proposal_id)
                    VALUES (@incident_id, @kind, @type, @level, @at, @actor, @role, @reason, @proposal_id)
                    """,
                    ("@incident_id", c.IncidentId), ("@kind", c.Kind.ToString()), ("@type", c.Type.ToString()), ("@level", c.Level.ToString()),
                    ("@at", UtcTicks.From(c.At)), ("@actor", c.Actor), ("@role", c.Role.ToString()), ("@reason", c.Reason), ("@proposal_id", c.ProposalId));
                return true;
            case ModeProposalChanged p:
                var proposal = p.Proposal;
                BatchSql.Execute(connection, transaction,
                    """
                    INSERT INTO mode_proposals (id, source, source_ref, type, level, reason, proposed_at, status, decided_by, decided_at, decision_note)
                    VALUES (@id, @source, @source_ref, @type, @level, @reason, @proposed_at, @status, @decided_by, @decided_at, @decision_note)
                    ON CONFLICT (id) DO UPDATE SET status = excluded.status, decided_by = excluded.decided_by,
                        decided_at = excluded.decided_at, decision_note = excluded.decision_note
                    """,
                    ("@id", proposal.Id), ("@source", proposal.Source), ("@source_ref", proposal.SourceRef), ("@type", proposal.Type.ToString()),
                    ("@level", proposal.Level.ToString()), ("@reason", proposal.Reason), ("@proposed_at", UtcTicks.From(proposal.ProposedAt)),
                    ("@status", proposal.Status.ToString()), ("@decided_by", proposal.DecidedBy), ("@decided_at", UtcTicks.FromNullable(proposal.DecidedAt)),
                    ("@decision_note", proposal.DecisionNote));
                return true;
            case ChecklistStepChanged s:
                WriteStep(connection, transaction, s);
                return true;
            case StockMoved moved:
                var movement = moved.Movement;
                BatchSql.Execute(connection, transaction,
                    """
                    INSERT INTO supply_stock (depot_id, item, quantity) VALUES (@depot_id, @item, @quantity)
                    ON CONFLICT (depot_id, item) DO UPDATE SET quantity = excluded.quantity
                    """,
                    ("@depot_id", moved.Stock.DepotId), ("@item", moved.Stock.Item), ("@quantity", moved.Stock.Quantity));
                BatchSql.Execute(connection, transaction,
                    """
                    INSERT INTO stock_movements (depot_id, item, kind, quantity, at, actor, note)
                    VALUES (@depot_id, @item, @kind, @quantity, @at, @actor, @note)
                    """,
                    ("@depot_id", movement.DepotId), ("@item", movement.Item), ("@kind", movement.Kind.ToString()), ("@quantity", movement.Quantity),
                    ("@at", UtcTicks.From(movement.At)), ("@actor", movement.Actor), ("@note", movement.Note));
                return true;
            default:
                return false;
        }
    }

    private static void WriteStep(DbConnection connection, DbTransaction transaction, ChecklistStepChanged changed)
    {
        var step = changed.Step;
        BatchSql.Execute(connection, transaction,
            """
            INSERT INTO checklist_steps (incident_id, step_id, level, title_zh, title_en, department, started_at, due_at, status,
                supervision_level, done_at, done_by, note)
            VALUES (@incident_id, @step_id, @level, @title_zh, @title_en, @department, @started_at, @due_at, @status,
                @supervision_level, @done_at, @done_by, @note)
            ON CONFLICT (incident_id, step_id) DO UPDATE SET
                level = excluded.level, title_zh = excluded.title_zh, title_en = excluded.title_en, department = excluded.department,
                started_at = excluded.started_at, due_at = excluded.due_at, status = excluded.status,
                supervision_level = excluded.supervision_level, done_at = excluded.done_at, done_by = excluded.done_by, note = excluded.note
            """,
            ("@incident_id", step.IncidentId), ("@step_id", step.StepId), ("@level", step.Level.ToString()), ("@title_zh", step.TitleZh),
            ("@title_en", step.TitleEn), ("@department", step.Department), ("@started_at", UtcTicks.From(step.StartedAt)),
            ("@due_at", UtcTicks.From(step.DueAt)), ("@status", step.Status.ToString()), ("@supervision_level", step.SupervisionLevel),
            ("@done_at", UtcTicks.FromNullable(step.DoneAt)), ("@done_by", step.DoneBy), ("@note", step.Note));
        var actor = changed.Change switch
        {
            ChecklistChange.Done => step.DoneBy,
            ChecklistChange.Supervised => "系统督办",
            _ => null,
        };
        BatchSql.Execute(connection, transaction,
            """
            INSERT INTO checklist_history (incident_id, step_id, change, at, supervision_level, actor, note)
            VALUES (@incident_id, @step_id, @change, @at, @supervision_level, @actor, @note)
            """,
            ("@incident_id", step.IncidentId), ("@step_id", step.StepId), ("@change", changed.Change.ToString()), ("@at", UtcTicks.From(changed.At)),
            ("@supervision_level", step.SupervisionLevel), ("@actor", actor), ("@note", changed.Change == ChecklistChange.Done ? step.Note : null));
    }
}
