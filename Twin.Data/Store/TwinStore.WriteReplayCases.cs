using System.Data.Common;
using Twin.Data.Audit;
using Twin.Domain.Tickets;

namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    /// <summary>
    /// The ticket rows and steps of a replayed past (the warm start: a quarter of a million steps
    /// in a month) written many rows a statement at the end of their batch instead of one
    /// statement each: the statement's fixed cost (execution, reset, the reader) is most of a
    /// row's cost. Nothing else in a replay refers to them within the batch (an alarm names its
    /// case by id without a foreign key), so deferring them changes no row; evidence and field
    /// reports, which do refer to tickets, write what is pending first.
    /// </summary>
    private sealed partial class WriteCommands
    {
        /// <summary>
        /// Rows a statement. Microsoft.Data.Sqlite looks each parameter up by name among the
        /// statement's, so a statement's binding cost grows with the square of its parameters:
        /// these keep a statement to about 200 (tickets have 33 columns, steps 6).
        /// </summary>
        private const int ReplayTicketsPerStatement = 6;

        private const int ReplayStepsPerStatement = 32;

        private readonly List<(TicketState Ticket, Reporter? Reporter)> _pendingTickets = [];
        private readonly List<TicketTransition> _pendingSteps = [];
        private DbCommand? _upsertTicketRows;
        private DbCommand? _insertTicketStepRows;

        /// <summary>A ticket's step in a replay: its row (in the batch's latest state, where it first appears) and its history row, written later.</summary>
        private void DeferTicketStep(TicketTransition step, TicketState? latest, Reporter? rawReporter)
        {
            if (latest is not null)
            {
                _pendingTickets.Add((latest, rawReporter));
            }

            _pendingSteps.Add(step);
        }

        /// <summary>Writes the deferred ticket rows, then their steps (which refer to them), naming each step's id to the audit.</summary>
        private void WritePendingTicketSteps(DbTransaction transaction, BatchAudit? audit)
        {
            var at = 0;
            if (_pendingTickets.Count >= ReplayTicketsPerStatement)
            {
                var rows = _upsertTicketRows ??= PrepareRows(_upsertTicket.CommandText, ReplayTicketsPerStatement);
                rows.Transaction = transaction;
                for (; at + ReplayTicketsPerStatement <= _pendingTickets.Count; at += ReplayTicketsPerStatement)
                {
                    for (var i = 0; i < ReplayTicketsPerStatement; i++)
                    {
                        var (ticket, reporter) = _pendingTickets[at + i];
                        BindTicket(rows.Parameters, i * _upsertTicket.Parameters.Count, ticket, reporter);
                    }

                    rows.ExecuteNonQuery();
                }
            }

            foreach (var (ticket, reporter) in _pendingTickets.Skip(at))
            {
                UpsertTicket(ticket, reporter);
            }

            at = 0;
            if (_pendingSteps.Count >= ReplayStepsPerStatement)
            {
                var rows = _insertTicketStepRows ??= PrepareRows(_insertTicketHistory.CommandText, ReplayStepsPerStatement);
                rows.Transaction = transaction;
                for (; at + ReplayStepsPerStatement <= _pendingSteps.Count; at += ReplayStepsPerStatement)
                {
                    for (var i = 0; i < ReplayStepsPerStatement; i++)
                    {
                        BindTicketStep(rows.Parameters, i * _insertTicketHistory.Parameters.Count, _pendingSteps[at + i]);
                    }

                    // The ids come back in no promised order; a replay's audit names only their range.
                    using var ids = rows.ExecuteReader();
                    for (var i = 0; ids.Read(); i++)
                    {
                        audit?.TicketStep(_pendingSteps[at + i], ids.GetInt64(0));
                    }
                }
            }

            foreach (var step in _pendingSteps.Skip(at))
            {
                var id = InsertTicketHistory(step);
                audit?.TicketStep(step, id);
            }

            _pendingTickets.Clear();
            _pendingSteps.Clear();
        }
    }
}
